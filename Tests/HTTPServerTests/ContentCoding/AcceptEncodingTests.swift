import Testing

@testable import HTTPServer

/// `Accept-Encoding` read as RFC 9110 §12.5.3 says, and the choice between gzip and identity
/// it leads to, without a server: the pure part of negotiation.
@Suite("Accept-Encoding negotiation")
struct AcceptEncodingTests {
    typealias Choice = AcceptEncoding.Choice

    @Test(
        "the choice for a response with a gzip representation",
        arguments: [
            // Plain lists, any case, x-gzip as gzip (§8.4.1.3).
            ("gzip", Choice.gzip),
            ("GZIP", .gzip),
            ("x-gzip", .gzip),
            ("X-GZip", .gzip),
            ("gzip, deflate, br, zstd", .gzip),
            ("br, zstd", .identity),
            ("deflate", .identity),
            ("identity", .identity),
            // The empty value and empty elements (§5.6.1, §12.5.3): no coding wanted.
            ("", .identity),
            (" ", .identity),
            (",,", .identity),
            (" , gzip ,", .gzip),
            // q-values.
            ("gzip;q=1", .gzip),
            ("gzip;q=0.001", .gzip),
            ("gzip;q=0", .identity),
            ("gzip;q=0.000", .identity),
            ("gzip;Q=0", .identity),
            ("gzip; q=0.5, identity; q=0.6", .identity),
            ("gzip;q=0.6, identity;q=0.5", .gzip),
            ("gzip;q=0.5, identity;q=0.5", .gzip),
            ("identity;q=1, gzip;q=1.000", .gzip),
            // identity is acceptable unless refused; refused, gzip is the only way.
            ("identity;q=0", .none),
            ("gzip, identity;q=0", .gzip),
            ("gzip;q=0, identity;q=0", .none),
            ("br, identity;q=0", .none),
            // * (§12.5.3): every coding not listed, identity included.
            ("*", .gzip),
            ("*;q=0", .none),
            ("*;q=0, identity", .identity),
            ("*;q=0, gzip", .gzip),
            ("*;q=0, gzip;q=0.1", .gzip),
            ("*;q=0.5, gzip;q=0", .identity),
            ("*, gzip;q=0", .identity),
            ("*;q=0.3, identity;q=0.8", .identity),
            ("br;q=1, *;q=0.1", .gzip),
            // A coding listed twice takes its highest weight.
            ("gzip;q=0, gzip", .gzip),
            ("gzip, gzip;q=0", .gzip),
            ("identity;q=0, identity;q=0.2", .identity),
            ("gzip;q=0, x-gzip;q=0.2", .gzip),
            // Whitespace around elements and the semicolon (OWS).
            ("  gzip  ", .gzip),
            ("\tgzip\t;\tq=0.7", .gzip),
            ("deflate ,gzip;q=0.2 , identity;q=0.1", .gzip),
            // Malformed elements are ignored one by one; what is left decides.
            ("gzip;q=2", .identity),
            ("gzip;q=1.5", .identity),
            ("gzip;q=1.001", .identity),
            ("gzip;q=0.1234", .identity),
            ("gzip;q=.5", .identity),
            ("gzip;q=", .identity),
            ("gzip;q", .identity),
            ("gzip;q = 0.5", .identity),
            ("gzip;level=1", .identity),
            ("gzip;q=0.5;level=1", .identity),
            ("gzip deflate", .identity),
            ("gzip;q=abc, identity;q=0", .none),
            ("gzip;q=2, gzip;q=0.5", .gzip),
            ("\"gzip\"", .identity),
            ("gzip;q=0, identity;q=oops", .identity),
        ] as [(String, Choice)])
    func choice(value: String, expected: Choice) {
        #expect(AcceptEncoding(value: value).choice(gzipAvailable: true) == expected)
    }

    @Test(
        "without a gzip representation: identity unless refused, 406 only when it is",
        arguments: [
            ("gzip", Choice.identity),
            ("*", .identity),
            ("gzip, identity;q=0", .none),
            ("*;q=0", .none),
            ("*;q=0, identity;q=0.1", .identity),
            ("", .identity),
        ] as [(String, Choice)])
    func identityOnly(value: String, expected: Choice) {
        #expect(AcceptEncoding(value: value).choice(gzipAvailable: false) == expected)
    }

    @Test("no Accept-Encoding field: identity, as a client that did not ask for gzip needs")
    func absent() {
        let accept = AcceptEncoding(["Accept": "application/json", "Host": "localhost"])
        #expect(!accept.isPresent)
        #expect(accept.choice(gzipAvailable: true) == .identity)
        #expect(accept.choice(gzipAvailable: false) == .identity)
    }

    @Test("several Accept-Encoding lines are one list; the name is case-insensitive")
    func severalLines() {
        var fields = HTTPFields()
        fields.append(name: "accept-encoding", value: "identity;q=0")
        fields.append(name: "Host", value: "localhost")
        fields.append(name: "ACCEPT-ENCODING", value: "gzip;q=0.4")
        let accept = AcceptEncoding(fields)
        #expect(accept.gzipWeight == 400)
        #expect(accept.identityWeight == 0)
        #expect(accept.choice(gzipAvailable: true) == .gzip)
        #expect(accept.choice(gzipAvailable: false) == .none)
        // An empty line beside a real one adds nothing.
        let empty = AcceptEncoding(
            HTTPFields([
                .init(name: "Accept-Encoding", value: ""), .init(name: "Accept-Encoding", value: "gzip"),
            ]))
        #expect(empty.choice(gzipAvailable: true) == .gzip)
    }

    @Test(
        "weights in thousandths, per RFC 9110 §12.4.2's qvalue grammar",
        arguments: [
            ("gzip", 1000), ("gzip;q=1", 1000), ("gzip;q=1.", 1000), ("gzip;q=1.0", 1000),
            ("gzip;q=1.000", 1000), ("gzip;q=0", 0), ("gzip;q=0.", 0), ("gzip;q=0.5", 500),
            ("gzip;q=0.05", 50), ("gzip;q=0.005", 5), ("gzip;q=0.999", 999), ("gzip;q=1.001", 0),
            ("gzip;q=1.1", 0),
        ] as [(String, Int)])
    func weights(value: String, thousandths: Int) {
        #expect(Int(AcceptEncoding(value: value).gzipWeight) == thousandths)
    }
}
