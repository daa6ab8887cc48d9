import DossierAPI
import Foundation
import HTTPTestSupport
import Testing

@testable import DossierServer

/// `--moodle-scale` and `--canvas-ratings`: what a scale or rating means is the deployment's
/// to say; the documented defaults when not given, a usage error naming the flag when wrong,
/// and the real binary's exports rated on what was given.
@Suite("LMS setting flags")
struct LMSSettingFlagsTests {
    static func options(_ arguments: [String]) throws -> ServeOptions {
        guard case .serve(let options) = try CommandLineParser.parse(arguments, environment: [:]) else {
            throw UsageError(message: "not serve")
        }
        return options
    }

    @Test("without the flags: Moodle's Default competence scale and Canvas's default mastery scale")
    func defaults() throws {
        let exports = try Self.options([]).exports
        #expect(exports == LMSExportConfiguration())
        #expect(exports.moodleScale.values == ["Not yet competent", "Competent"])
        #expect(exports.moodleScale.defaultItem == 1 && exports.moodleScale.proficientItems == [2])
        #expect(exports.canvasRatings.ratings.map(\.points) == [4, 3, 2, 1, 0])
        #expect(exports.canvasRatings.masteryPoints == 3)
        // The defaults the usage prints are what the flags read back to the defaults.
        #expect(Usage.text.contains("'Not yet competent,Competent;1;2'"))
        #expect(
            Usage.text.contains(
                "'4:Exceeds Mastery,3:Mastery,2:Near Mastery,1:Below Mastery,0:Well Below Mastery;3'"))
        #expect(
            try Self.options([
                "--moodle-scale", MoodleScale.defaultCompetenceScale.specification,
                "--canvas-ratings", CanvasRatings.canvasDefault.specification,
            ]) == ServeOptions())
    }

    @Test("both flag forms; spaces around items are dropped; several proficient items")
    func given() throws {
        let options = try Self.options([
            "--moodle-scale", "Nog niet bekwaam, Bijna bekwaam , Bekwaam;2;2,3",
            "--canvas-ratings=3:Goed: boven verwachting,1:Voldoende, 0:Onvoldoende;1",
            "--public-base-url", "https://lms.example/x",
        ])
        #expect(options.moodleScale.values == ["Nog niet bekwaam", "Bijna bekwaam", "Bekwaam"])
        #expect(options.moodleScale.defaultItem == 2 && options.moodleScale.proficientItems == [2, 3])
        #expect(options.moodleScale.specification == "Nog niet bekwaam,Bijna bekwaam,Bekwaam;2;2,3")
        #expect(
            options.canvasRatings.ratings == [
                .init(points: 3, description: "Goed: boven verwachting"),
                .init(points: 1, description: "Voldoende"),
                .init(points: 0, description: "Onvoldoende"),
            ])
        #expect(options.canvasRatings.masteryPoints == 1)
        #expect(options.exports.publicBaseURL == "https://lms.example/x")
        #expect(options.exports.moodleScale == options.moodleScale)
        #expect(options.exports.canvasRatings == options.canvasRatings)
    }

    @Test(
        "a bad scale or rating is a usage error naming the flag and what is wrong",
        arguments: [
            (["--moodle-scale", "a,b"], "--moodle-scale: expected ITEM,ITEM,...;DEFAULT;PROFICIENT"),
            (["--moodle-scale", "a,b;1;2;3"], "--moodle-scale: expected"),
            (["--moodle-scale", "a,,b;1;3"], "--moodle-scale: item 2 of the scale is empty"),
            (["--moodle-scale", ";1;1"], "--moodle-scale: item 1 of the scale is empty"),
            (["--moodle-scale", "a,b;3;2"], "--moodle-scale: the default item 3 is not one of the 2 items"),
            (
                ["--moodle-scale", "a,b;one;2"],
                "--moodle-scale: the default item must be an item number, not 'one'"
            ),
            (
                ["--moodle-scale", "a,b;1;"],
                "--moodle-scale: a proficient item must be an item number, not ''"
            ),
            (["--moodle-scale", "a,b;1;0"], "--moodle-scale: a proficient item 0 is not one of the 2 items"),
            (["--moodle-scale"], "option '--moodle-scale' needs a value"),
            (
                ["--canvas-ratings", "4:Goed,0:Slecht"],
                "--canvas-ratings: expected POINTS:DESCRIPTION,...;MASTERY"
            ),
            (["--canvas-ratings", "Goed,Slecht;1"], "--canvas-ratings: a rating must be POINTS:DESCRIPTION"),
            (["--canvas-ratings", "-1:Slecht;0"], "--canvas-ratings: a rating must be POINTS:DESCRIPTION"),
            (
                ["--canvas-ratings", "4: ,0:Slecht;1"],
                "--canvas-ratings: the rating '4: ' has no description"
            ),
            (
                ["--canvas-ratings", "1:Laag,4:Hoog;1"],
                "--canvas-ratings: ratings go from most points to fewest"
            ),
            (["--canvas-ratings", "4:Hoog,0:Laag;5"], "--canvas-ratings: the mastery points 5 are above"),
            (
                ["--canvas-ratings", "4:Hoog,0:Laag;veel"],
                "--canvas-ratings: the mastery points must be a whole"
            ),
            (["--canvas-ratings", ";3"], "--canvas-ratings: a rating must be POINTS:DESCRIPTION"),
        ])
    func badValues(arguments: [String], message: String) {
        #expect {
            try CommandLineParser.parse(arguments, environment: [:])
        } throws: { error in
            (error as? UsageError)?.message.contains(message) == true
        }
    }

    @Test("the binary: a bad value is exit 2 with the flag's message and the usage on stderr")
    func badValueExits() throws {
        let result = try ExecutableTests.run(["--port", "0", "--canvas-ratings", "4:Hoog,0:Laag;5"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasPrefix("dossier-server: --canvas-ratings: the mastery points 5 are above"))
        #expect(result.errors.contains("usage: dossier-server"))
    }

    @Test(
        "the binary: both exports rate on the given scale, also when rendered on first use after the warm-up")
    func servedExports() throws {
        let server = try ServerProcess([
            "--host", "127.0.0.1", "--port", "0", "--quiet",
            "--moodle-scale", "Nog niet bekwaam,Bekwaam;1;2", "--canvas-ratings",
            "2:Bekwaam,0:Nog niet bekwaam;2",
        ])
        let port = try server.waitUntilListening()
        // Debug builds warm up in seconds, more with the other tests running beside it.
        #expect(server.waitForErrors(matching: "resources rendered", timeout: .seconds(60)))
        let client = try TestClient(port: port)
        let base = "/api/v1/dossiers/23292/kwalificaties/P1"
        client.send("GET \(base)/moodle.csv HTTP/1.1\r\nHost: t\r\n\r\n")
        let moodle = try client.readResponse()
        #expect(moodle.status == 200)
        let moodleText = String(decoding: moodle.body, as: UTF8.self)
        #expect(moodleText.contains(#","Nog niet bekwaam,Bekwaam","#))
        #expect(!moodleText.contains("Not yet competent"))
        client.send("GET \(base)/canvas.csv HTTP/1.1\r\nHost: t\r\n\r\n")
        let canvas = try client.readResponse()
        #expect(canvas.status == 200)
        let canvasText = String(decoding: canvas.body, as: UTF8.self)
        #expect(canvasText.contains(",2,Bekwaam,0,Nog niet bekwaam\r\n"))
        #expect(!canvasText.contains("Mastery"))
        #expect(server.stop() == 0)
    }
}
