/// What the request parser has to say after bytes were appended.
public enum ParseResult: Sendable {
    /// A complete request; call ``RequestParser/next()`` again for any pipelined after it.
    case request(HTTPRequest)
    /// The buffered bytes do not yet hold a complete request.
    case needMoreData
    /// The bytes are not a valid request; the parser stays failed.
    case failure(ParseError)
}
