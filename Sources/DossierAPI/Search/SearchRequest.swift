import Dossier

/// A validated `/api/v1/zoeken` request.
///
/// Paging follows the Dutch Open Education API (`pageSize`, `pageNumber`, `hasNextPage`).
struct SearchRequest: Equatable, Sendable {
    static let maximumQueryLength = 200
    static let defaultPageSize = 10
    static let maximumPageSize = 100
    /// Far beyond any real result list; keeps `(pageNumber - 1) * pageSize` from overflowing.
    static let maximumPageNumber = 100_000

    var q: String
    var terms: [String]
    var soort: SearchDocument.Soort?
    var dossier: String?
    var pageSize: Int
    var pageNumber: Int

    /// The parameters search knows; every other one is ignored, repeats included, as the
    /// pre-rendered resources ignore every parameter: links with tracking parameters or a
    /// cache buster (`_=1700000000000`, as jQuery adds) keep working.
    static let parameterNames: Set<String> = ["q", "soort", "dossier", "pageSize", "pageNumber"]

    /// Validates decoded query parameters (name, value), in request order. Parameters not in
    /// ``parameterNames`` are ignored; a known one given twice is an error, as there is no
    /// telling which of the two the client meant.
    static func parse(_ parameters: [(name: String, value: String)]) -> Result<SearchRequest, APIProblem> {
        var values: [String: String] = [:]
        for (name, value) in parameters where parameterNames.contains(name) {
            guard values[name] == nil else {
                return .failure(problem("De parameter '\(name)' komt meer dan eens voor."))
            }
            values[name] = value
        }
        guard let q = values["q"] else {
            return .failure(problem("De parameter 'q' (de zoektekst) ontbreekt."))
        }
        guard !q.allSatisfy(\.isWhitespace) else {
            return .failure(problem("De parameter 'q' is leeg."))
        }
        guard q.count <= maximumQueryLength else {
            return .failure(problem("De parameter 'q' is langer dan \(maximumQueryLength) tekens."))
        }
        let terms = SearchIndex.queryTerms(q)
        guard !terms.isEmpty else {
            return .failure(problem("De parameter 'q' bevat geen letters of cijfers om op te zoeken."))
        }
        var soort: SearchDocument.Soort?
        if let value = values["soort"] {
            guard let parsed = SearchDocument.Soort(rawValue: value) else {
                let allowed = SearchDocument.Soort.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(problem("Onbekende soort '\(value)'; kies uit: \(allowed)."))
            }
            soort = parsed
        }
        if let dossier = values["dossier"] {
            guard Crebo.isValid(dossier) else {
                return .failure(problem("De parameter 'dossier' moet een crebonummer van vijf cijfers zijn."))
            }
        }
        guard let pageSize = integer(values["pageSize"], default: defaultPageSize, in: 1...maximumPageSize)
        else {
            return .failure(
                problem(
                    "De parameter 'pageSize' moet een geheel getal van 1 tot en met \(maximumPageSize) zijn.")
            )
        }
        guard let pageNumber = integer(values["pageNumber"], default: 1, in: 1...maximumPageNumber) else {
            return .failure(
                problem(
                    "De parameter 'pageNumber' moet een geheel getal van 1 tot en met \(maximumPageNumber) zijn."
                ))
        }
        return .success(
            SearchRequest(
                q: q, terms: terms, soort: soort, dossier: values["dossier"], pageSize: pageSize,
                pageNumber: pageNumber))
    }

    private static func problem(_ detail: String) -> APIProblem {
        .invalidQuery(detail)
    }

    /// Digits only (no sign, no spaces), within `range`.
    private static func integer(_ text: String?, default value: Int, in range: ClosedRange<Int>) -> Int? {
        guard let text else { return value }
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let number = Int(text), range.contains(number)
        else { return nil }
        return number
    }
}
