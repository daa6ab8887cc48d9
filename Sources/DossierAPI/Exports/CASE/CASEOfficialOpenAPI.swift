import Foundation

/// The official 1EdTech OpenAPI 3.0 definition of the CASE 1.1 REST binding, which the binding
/// says a provider must serve at ``CASEPath/openAPI``: shipped in this module's resource bundle
/// (`Official/imscasev1p1_openapi3_v1p0.json`, sha256 `40f183b6…a19a22bf`, 167,207 bytes,
/// from `infosign/compeito` docs/reference at `cc8fa3f0`; licence `info.license`, 1EdTech) and
/// served byte for byte.
enum CASEOfficialOpenAPI {
    /// The file's name in the bundle.
    static let fileName = "imscasev1p1_openapi3_v1p0.json"

    /// The bytes, as shipped.
    static func bytes() throws -> [UInt8] {
        guard
            let url = Bundle.module.url(forResource: "Official/" + fileName, withExtension: nil)
                ?? Bundle.module.url(
                    forResource: "imscasev1p1_openapi3_v1p0", withExtension: "json", subdirectory: "Official")
        else {
            throw APIService.StartupError(
                description: "the CASE OpenAPI \(fileName) is missing from the resource bundle")
        }
        return Array(try Data(contentsOf: url))
    }
}
