import HTTPServer

/// The Dutch words for the problems the HTTP layer answers with itself (parse errors and
/// limits, 404/405 from the router and the static files, 408, 412, 501, 503), so that every
/// problem of this product speaks one language and shares the API's type base.
///
/// The slugs are the ones `openapi.yaml` documents; `not-found` is the API's own 404 type too.
enum ServerProblemTexts {
    /// The type base of every problem, the API's and the server's.
    static let typeBase = "https://dossiers.example/problems/"

    /// The vocabulary the server is configured with.
    static let vocabulary = ProblemVocabulary(typeBase: typeBase, text: text(for:))

    static func text(for problem: ServerProblem) -> ProblemText {
        switch problem {
        case .malformedRequest(let kind): return text(for: kind)
        case .malformedPath:
            return ProblemText(
                slug: "bad-request", title: "Ongeldig verzoek",
                detail: "Het pad bevat een ongeldige %-codering.")
        case .notFound:
            return ProblemText(
                slug: "not-found", title: "Niet gevonden", detail: "Deze resource bestaat niet.")
        case .methodNotAllowed:
            return ProblemText(
                slug: "method-not-allowed", title: "Methode niet toegestaan",
                detail:
                    "Deze resource ondersteunt deze methode niet; het veld Allow noemt de methoden die wel kunnen."
            )
        case .methodNotImplemented:
            return ProblemText(
                slug: "not-implemented", title: "Niet geïmplementeerd",
                detail: "Deze server kent de methode van het verzoek niet.")
        case .requestTimeout:
            return ProblemText(
                slug: "request-timeout", title: "Verzoek niet op tijd",
                detail: "Het verzoek is niet op tijd helemaal ontvangen.")
        case .preconditionFailed:
            return ProblemText(
                slug: "precondition-failed", title: "Voorwaarde niet vervuld",
                detail: "If-Match noemt niet de huidige ETag van deze resource.")
        case .serviceUnavailable:
            return ProblemText(
                slug: "service-unavailable", title: "Tijdelijk niet beschikbaar",
                detail: "De server heeft te veel verbindingen; probeer het zo opnieuw.")
        case .notAcceptable:
            return ProblemText(
                slug: "not-acceptable", title: "Geen passende representatie",
                detail: "Geen representatie van deze resource past bij het veld Accept.")
        }
    }

    private static func text(for kind: ParseError.Kind) -> ProblemText {
        let status = ServerProblem.malformedRequest(kind).status
        let (slug, title): (String, String)
        switch status.code {
        case 413: (slug, title) = ("content-too-large", "Inhoud te groot")
        case 414: (slug, title) = ("uri-too-long", "URI te lang")
        case 431: (slug, title) = ("header-fields-too-large", "Headervelden te groot")
        case 501: (slug, title) = ("not-implemented", "Niet geïmplementeerd")
        case 505: (slug, title) = ("http-version-not-supported", "HTTP-versie niet ondersteund")
        default: (slug, title) = ("bad-request", "Ongeldig verzoek")
        }
        return ProblemText(slug: slug, title: title, detail: detail(for: kind))
    }

    private static func detail(for kind: ParseError.Kind) -> String {
        switch kind {
        case .invalidRequestLine: return "De verzoekregel is niet 'methode SP doel SP versie'."
        case .invalidMethod: return "De methode is geen geldig token."
        case .invalidTarget: return "Het doel van het verzoek is geen geldig pad of absolute URI."
        case .invalidVersion: return "De protocolversie is niet HTTP/cijfer.cijfer."
        case .unsupportedVersion: return "Alleen HTTP/1.0 en HTTP/1.1 worden ondersteund."
        case .targetTooLong: return "Het doel van het verzoek is langer dan deze server aanneemt."
        case .headerSectionTooLarge: return "De headervelden zijn samen groter dan deze server aanneemt."
        case .tooManyHeaderFields: return "Het verzoek heeft meer headervelden dan deze server aanneemt."
        case .invalidLineEnding: return "Regels moeten eindigen op CRLF."
        case .invalidFieldName: return "Een headerregel heeft een ongeldige naam of geen dubbele punt."
        case .invalidFieldValue: return "De waarde van een headerveld bevat een stuurteken."
        case .obsoleteLineFolding: return "Headerregels mogen niet met witruimte beginnen."
        case .missingHost: return "Een HTTP/1.1-verzoek moet een veld Host hebben."
        case .multipleHosts: return "Een verzoek mag maar één veld Host hebben."
        case .invalidHost: return "Het veld Host is geen geldige host met eventueel een poort."
        case .invalidContentLength: return "Content-Length is niet één decimaal getal."
        case .contentLengthWithTransferEncoding:
            return "Een verzoek mag niet zowel Content-Length als Transfer-Encoding hebben."
        case .transferEncodingInHTTP10: return "Een HTTP/1.0-verzoek mag geen Transfer-Encoding gebruiken."
        case .unsupportedTransferCoding: return "Alleen de transfercodering chunked wordt ondersteund."
        case .invalidTransferEncoding: return "Transfer-Encoding moet eindigen op één keer chunked."
        case .invalidChunkSize: return "Een chunkgrootte is geen hexadecimaal getal."
        case .invalidChunkFraming: return "Na de gegevens van een chunk moet CRLF volgen."
        case .invalidTrailer: return "Een trailerregel is ongeldig."
        case .contentTooLarge: return "De inhoud van het verzoek is groter dan deze server aanneemt."
        }
    }
}

extension APIService {
    /// The words of the problems the server answers with itself, in Dutch like the API's own
    /// (``ServerConfiguration/problems``).
    public static var problemVocabulary: ProblemVocabulary { ServerProblemTexts.vocabulary }
}
