// libFuzzer entry point for RequestParser. Not a SwiftPM target: it is compiled with the
// parser's sources, which are pure (no sockets, no CEpoll), see the README:
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name RequestParserFuzz \
//     Sources/HTTPServer/Message/*.swift Sources/HTTPServer/Parsing/*.swift \
//     Tests/Fuzz/RequestParserFuzz.swift -o .build/fuzz-request-parser
//   mkdir -p .build/fuzz-corpus
//   .build/fuzz-request-parser .build/fuzz-corpus Tests/Fuzz/seeds -max_total_time=600
//
// The first input byte chooses the limits (default or tiny, so every limit is reachable) and
// the size of the pieces the rest is fed in. Besides "no crash, no sanitizer report", each
// input checks that the parser's answers do not depend on how the bytes were split: the
// same input fed at once and in pieces must give the same requests, the same error, and the
// same path in progress (what the server's problem names as its instance).

/// What parsing an input produced, in a comparable form.
struct Transcript: Equatable {
    var requests: [String] = []
    var ending = ""
}

func describe(_ request: HTTPRequest) -> String {
    var text =
        "\(request.method.rawValue) \(request.target) path=\(request.path) query=\(request.query ?? "-")"
    text += " \(request.version) fields=\(request.headers.count) body=\(request.body)"
    for field in request.headers { text += " [\(field.name): \(field.value)]" }
    return text
}

func parse(_ input: UnsafeBufferPointer<UInt8>, pieceSize: Int, limits: ParserLimits) -> Transcript {
    var parser = RequestParser(limits: limits)
    var transcript = Transcript()
    var offset = 0
    repeat {
        let end = min(offset + pieceSize, input.count)
        parser.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[offset..<end])))
        offset = end
        drain: while true {
            switch parser.next() {
            case .request(let request):
                // The limits hold for everything the parser lets through.
                precondition(request.body.count <= limits.maxBodySize, "body over the limit")
                precondition(
                    request.target.utf8.count <= limits.maxRequestTargetLength, "target over the limit")
                precondition(request.headers.count <= limits.maxHeaderFieldCount, "too many fields")
                transcript.requests.append(describe(request))
            case .needMoreData:
                break drain
            case .failure(let error):
                transcript.ending = "error \(error.status.code) path=\(parser.pathInProgress ?? "-")"
                return transcript
            }
        }
    } while offset < input.count
    precondition(parser.bufferedByteCount <= input.count, "buffered more than was fed")
    transcript.ending =
        parser.hasPartialRequest ? "partial path=\(parser.pathInProgress ?? "-")" : "clean"
    return transcript
}

/// libFuzzer's entry point: parses one input whole and in pieces and traps on any crash or
/// on a difference between the two.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let limits =
        mode & 0x80 == 0
        ? ParserLimits()
        : ParserLimits(
            maxRequestTargetLength: 48, maxHeaderSectionSize: 160, maxHeaderFieldCount: 6, maxBodySize: 96)
    let pieceSize = Int(mode & 0x0F) + 1

    let whole = parse(input, pieceSize: max(input.count, 1), limits: limits)
    let pieces = parse(input, pieceSize: pieceSize, limits: limits)
    if whole != pieces {
        print("whole:  \(whole)\npieces: \(pieces)")
        preconditionFailure("the result depends on how the input was split")
    }
    return 0
}
