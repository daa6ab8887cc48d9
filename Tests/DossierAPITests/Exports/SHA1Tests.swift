import Testing

@testable import DossierAPI

/// SHA-1 against FIPS 180-4 / RFC 3174 test vectors, and UUIDv5 against known values.
@Suite struct SHA1Tests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
    }

    @Test(arguments: [
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "a49b2446a02c645bf419f995b67091253a04a259"
        ),
    ])
    func fipsVectors(message: String, digest: String) {
        #expect(hex(SHA1.digest(Array(message.utf8))) == digest)
    }

    @Test func rfc3174RepeatedVectors() {
        #expect(
            hex(SHA1.digest(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        let eighty = Array(
            String(repeating: "0123456701234567012345670123456701234567012345670123456701234567", count: 10)
                .utf8)
        #expect(hex(SHA1.digest(eighty)) == "dea356a2cddd90c7a7ecedc5ebb563934f460452")
    }

    /// Lengths around the padding boundary (55, 56, 63, 64 bytes), compared with Python's hashlib.
    @Test(arguments: [
        (55, "c1c8bbdc22796e28c0e15163d20899b65621d65a"), (56, "c2db330f6083854c99d4b5bfb6e8f29f201be699"),
        (63, "03f09f5b158a7a8cdad920bddc29b81c18a551f5"), (64, "0098ba824b5c16427bd7a1122a5a442a25ec644d"),
    ])
    func paddingBoundaries(length: Int, digest: String) {
        #expect(hex(SHA1.digest(Array(repeating: UInt8(ascii: "a"), count: length))) == digest)
    }

    @Test func uuid5KnownVectors() {
        #expect(
            NameBasedUUID(namespace: .dnsNamespace, name: "python.org").description
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(
            NameBasedUUID(namespace: .urlNamespace, name: "https://dossiers.example/case/v1p1").description
                == "ea2448a6-dd71-5304-b394-f605c80a23cd")
        #expect(CASEIdentifiers.namespace.description == "ea2448a6-dd71-5304-b394-f605c80a23cd")
        // Python: uuid.uuid5(uuid.UUID('ea2448a6-dd71-5304-b394-f605c80a23cd'), 'kwalificatie:23292:P1')
        #expect(
            CASEIdentifiers.document(dossier: "23292", profiel: "P1")
                == "d6ae932b-fa69-5881-98cc-cb5dc2b4d9ba")
    }

    @Test func uuidParsing() {
        let text = "886313E1-3B8A-5372-9B90-0C9AEE199E5D"
        #expect(NameBasedUUID(text)?.description == text.lowercased())
        for bad in [
            "", "886313e1-3b8a-5372-9b90-0c9aee199e5", "886313e1+3b8a-5372-9b90-0c9aee199e5d",
            "g86313e1-3b8a-5372-9b90-0c9aee199e5d",
        ] {
            #expect(NameBasedUUID(bad) == nil)
        }
    }
}
