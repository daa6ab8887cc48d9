import HTTPServer

/// The words of every problem the product answers with, in Dutch, in one place: the types and
/// titles of ``ProblemType``, the API's details (``APIProblem``) and the details of every
/// problem the HTTP layer makes itself, which it takes from here through its
/// configuration so that it stays language-free.
enum ProblemCatalog {
    /// The vocabulary the server is configured with (``ServerConfiguration/problems``).
    static let vocabulary = ProblemVocabulary(typeBase: ProblemType.typeBase, text: text(for:))

    /// The type and words of a problem the HTTP layer answers with itself.
    static func text(for problem: ServerProblem) -> ProblemText {
        let (type, detail) = typeAndDetail(problem)
        return ProblemText(slug: type.rawValue, title: type.title, detail: detail)
    }

    /// The type of a server problem follows from its status, its detail from what went wrong.
    static func typeAndDetail(_ problem: ServerProblem) -> (ProblemType, String) {
        switch problem {
        case .malformedRequest(let kind):
            let type: ProblemType =
                switch problem.status {
                case .contentTooLarge: .contentTooLarge
                case .uriTooLong: .uriTooLong
                case .requestHeaderFieldsTooLarge: .headerFieldsTooLarge
                case .notImplemented: .notImplemented
                case .httpVersionNotSupported: .httpVersionNotSupported
                default: .badRequest
                }
            return (type, detail(for: kind))
        case .malformedPath: return (.badRequest, "Het pad bevat een ongeldige %-codering.")
        case .notFound: return (.notFound, "Deze resource bestaat niet.")
        case .methodNotAllowed:
            return (
                .methodNotAllowed,
                "Deze resource ondersteunt deze methode niet; het veld Allow noemt de methoden die wel kunnen."
            )
        case .methodNotImplemented:
            return (.notImplemented, "Deze server kent de methode van het verzoek niet.")
        case .requestTimeout: return (.requestTimeout, "Het verzoek is niet op tijd helemaal ontvangen.")
        case .preconditionFailed:
            return (.preconditionFailed, "If-Match noemt niet de huidige ETag van deze resource.")
        case .serviceUnavailable:
            return (.serviceUnavailable, "De server heeft te veel verbindingen; probeer het zo opnieuw.")
        case .notAcceptable:
            return (.notAcceptable, "Geen representatie van deze resource past bij het veld Accept-Encoding.")
        }
    }

    /// The detail of a request the parser refused, per kind: what was wrong, never the input.
    static func detail(for kind: ParseError.Kind) -> String {
        switch kind {
        case .invalidRequestLine: "De verzoekregel is niet van de vorm 'methode doel versie'."
        case .invalidMethod: "De methode is geen geldig token."
        case .invalidTarget: "Het doel van het verzoek is geen geldig pad (origin-form) of absolute URI."
        case .invalidVersion: "De protocolversie is niet van de vorm HTTP/cijfer.cijfer."
        case .unsupportedVersion: "Deze server spreekt alleen HTTP/1.0 en HTTP/1.1."
        case .targetTooLong: "Het doel van het verzoek is langer dan deze server aanneemt."
        case .headerSectionTooLarge: "De headers van het verzoek zijn samen groter dan deze server aanneemt."
        case .tooManyHeaderFields: "Het verzoek heeft meer headervelden dan deze server aanneemt."
        case .invalidLineEnding: "Elke regel moet eindigen op CRLF."
        case .invalidFieldName: "Een headerregel heeft een ongeldige naam of geen dubbele punt."
        case .invalidFieldValue: "De waarde van een headerveld bevat een stuurteken."
        case .obsoleteLineFolding: "Een headerregel mag niet met witruimte beginnen."
        case .missingHost: "Een HTTP/1.1-verzoek moet een Host-header hebben."
        case .multipleHosts: "Een verzoek mag maar één Host-header hebben."
        case .invalidHost: "De Host-header is geen geldige host met eventueel een poort."
        case .invalidContentLength: "Content-Length is niet één decimaal getal."
        case .contentLengthWithTransferEncoding:
            "Een verzoek mag niet zowel Content-Length als Transfer-Encoding hebben."
        case .transferEncodingInHTTP10: "Een HTTP/1.0-verzoek mag geen Transfer-Encoding gebruiken."
        case .unsupportedTransferCoding: "Deze server kent alleen de transfercodering chunked."
        case .invalidTransferEncoding: "Transfer-Encoding moet eindigen op één keer chunked."
        case .invalidChunkSize: "Een chunkgrootte is geen hexadecimaal getal."
        case .invalidChunkFraming: "Na de gegevens van een chunk moet CRLF komen."
        case .invalidTrailer: "Een trailerregel is misvormd."
        case .contentTooLarge: "De inhoud van het verzoek is groter dan deze server aanneemt."
        }
    }
}
