import HTTPServer

/// The words of every problem the product answers with, in Dutch, in one place: the types and
/// titles of ``ProblemType``, the API's details (``APIProblem``) and the details of every
/// problem the HTTP layer makes itself, which it takes from here through its
/// configuration so that it stays language-free.
enum ProblemCatalog {
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
