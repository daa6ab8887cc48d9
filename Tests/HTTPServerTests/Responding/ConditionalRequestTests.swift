import Testing

@testable import HTTPServer

@Suite("SHA-256, hex and entity tags")
struct ConditionalRequestTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
        #expect(
            hex(SHA256.digest(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex(SHA256.digest([UInt8]()))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(
        "SHA-256 is right at every padding boundary and across many blocks",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
            (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
            (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ])
    func sha256Boundaries(length: Int, expected: String) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(Hex.encode(SHA256.digest(message)) == expected)
        // A collection without contiguous storage takes the copying path and agrees.
        #expect(SHA256.digest(message.lazy.map { $0 }) == SHA256.digest(message))
    }

    @Test("hex is two lowercase digits per byte (uppercase on request) and reads back either case")
    func hex() {
        #expect(Hex.encode([0x00, 0x0F, 0xA5, 0xFF]) == "000fa5ff")
        #expect(Hex.encode([0xAB], uppercase: true) == "AB")
        #expect(Hex.encode([UInt8]()) == "")
        for byte in UInt8.min...UInt8.max {
            var out: [UInt8] = []
            Hex.append(byte, to: &out)
            #expect(Hex.value(of: out[0]).map { $0 << 4 | Hex.value(of: out[1])! } == byte)
        }
        #expect(Hex.value(of: UInt8(ascii: "F")) == 15)
        #expect(Hex.value(of: UInt8(ascii: "g")) == nil)
        #expect(PercentEncoding.encode("a b/ü~") == "a%20b%2F%C3%BC~")
        #expect(PercentDecoding.decodeString(Substring(PercentEncoding.encode("a b/ü~"))) == "a b/ü~")
    }

    @Test("strong tags are quoted hex derived from the bytes alone")
    func strongTags() {
        #expect(EntityTag.strong(for: Array("abc".utf8)) == "\"ba7816bf8f01cfea414140de5dae2223\"")
        #expect(EntityTag.strong(for: Array("abc".utf8)) == EntityTag.strong(for: Array("abc".utf8)))
        #expect(EntityTag.strong(for: Array("abd".utf8)) != EntityTag.strong(for: Array("abc".utf8)))
    }

    @Test(
        "If-None-Match uses the weak comparison, lists and *",
        arguments: [
            ("\"x\"", true), ("W/\"x\"", true), ("\"a\", \"x\"", true), ("\"a\",W/\"x\"", true), ("*", true),
            ("\"y\"", false), ("x", false), ("", false), ("\"a\", garbage", false), ("\"x", false),
        ])
    func ifNoneMatch(value: String, matches: Bool) {
        #expect(EntityTag.ifNoneMatch(value, matches: "\"x\"") == matches)
        #expect(EntityTag.ifNoneMatch(value, matches: "W/\"x\"") == matches)
    }

    @Test(
        "If-Match uses the strong comparison: weak tags never match; * matches any representation",
        arguments: [
            ("\"x\"", true), ("\"a\", \"x\"", true), ("\"a\",\"x\"", true), ("*", true), (" \"x\" ", true),
            ("W/\"x\"", false), ("\"a\", W/\"x\"", false), ("\"y\"", false), ("\"nope\"", false),
            ("x", false),
            ("", false), ("\"x", false), ("garbage, \"x\"", false),
        ])
    func ifMatch(value: String, matches: Bool) {
        #expect(EntityTag.ifMatch(value, matches: "\"x\"") == matches)
        // A weak current tag matches nothing but *, whatever is listed.
        #expect(EntityTag.ifMatch(value, matches: "W/\"x\"") == (value == "*"))
        // Without a current tag, only * holds.
        #expect(EntityTag.ifMatch(value, matches: nil) == (value == "*"))
    }
}
