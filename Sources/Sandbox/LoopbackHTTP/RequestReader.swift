import Foundation
import HTTPTransport

/// Reads one HTTP/1.1 request from a connection: request line, headers, and a `Content-Length` body.
///
/// Chunked request bodies are refused (501), as are header blocks over 64 KiB (431) and bodies over 32 MiB (413).
/// An `Expect: 100-continue` request gets its interim `100 Continue` before the body is read.
struct RequestReader {
    /// A request that cannot be served, with the status to answer.
    struct Rejection: Error {
        let status: Int
        let reason: String
    }

    static let maxHeaderBytes = 64 * 1024
    static let maxBodyBytes = 32 * 1024 * 1024

    /// Reads more bytes: empty at end of stream, nil on error.
    let receive: () -> [UInt8]?
    /// Sends bytes (for `100 Continue`).
    let sendInterim: ([UInt8]) -> Void

    /// Reads the request; `baseURL` (`http://127.0.0.1:port`) is prefixed to the request target.
    func read(baseURL: String) throws(Rejection) -> HTTPRequest {
        var buffer: [UInt8] = []
        var headerEnd: Int?
        while headerEnd == nil {
            guard let chunk = receive(), !chunk.isEmpty else {
                throw Rejection(status: 400, reason: "connection closed before the headers ended")
            }
            buffer += chunk
            headerEnd = Self.find([0x0d, 0x0a, 0x0d, 0x0a], in: buffer)
            if headerEnd == nil, buffer.count > Self.maxHeaderBytes {
                throw Rejection(status: 431, reason: "header block too large")
            }
        }
        guard let headerEnd else { throw Rejection(status: 400, reason: "no header block") }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), requestLine[1].hasPrefix("/"),
            let url = URL(string: baseURL + requestLine[1])
        else { throw Rejection(status: 400, reason: "malformed request line") }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Rejection(status: 400, reason: "malformed header") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
        if headers["Transfer-Encoding"] != nil {
            throw Rejection(status: 501, reason: "chunked request bodies are not supported")
        }
        let length = try contentLength(headers)
        if length > 0, headers["Expect"]?.lowercased() == "100-continue" {
            sendInterim(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var body = Array(buffer[(headerEnd + 4)...])
        while body.count < length {
            guard let chunk = receive(), !chunk.isEmpty else {
                throw Rejection(status: 400, reason: "connection closed inside the body")
            }
            body += chunk
        }
        guard body.count == length else { throw Rejection(status: 400, reason: "more bytes than Content-Length") }
        return HTTPRequest(
            method: HTTPMethod(rawValue: String(requestLine[0])), url: url, headers: headers,
            body: Data(body))
    }

    private func contentLength(_ headers: HTTPHeaders) throws(Rejection) -> Int {
        let values = headers.filter { $0.name.lowercased() == "content-length" }.map(\.value)
        guard let first = values.first else { return 0 }
        guard values.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let length = Int(first)
        else { throw Rejection(status: 400, reason: "invalid Content-Length") }
        guard length <= Self.maxBodyBytes else { throw Rejection(status: 413, reason: "body too large") }
        return length
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
