import HTTPTransport

/// Serialises a response for a connection that closes after it (`Connection: close`, exact `Content-Length`).
enum ResponseWriter {
    /// The bytes of `response`; hop-by-hop and length headers from the handler are replaced.
    static func bytes(of response: HTTPResponse, headOnly: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        let managed: Set<String> = ["content-length", "connection", "transfer-encoding"]
        for field in response.headers where !managed.contains(field.name.lowercased()) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + (headOnly ? [] : Array(response.body))
    }

    /// A plain-text error response.
    static func bytes(ofRejection status: Int, reason: String) -> [UInt8] {
        bytes(of: HTTPResponse(status: status, text: reason + "\n", contentType: "text/plain; charset=utf-8"))
    }

    static func reasonPhrase(_ status: Int) -> String {
        let phrases: [Int: String] = [
            100: "Continue", 200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
            400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
            408: "Request Timeout", 410: "Gone", 413: "Content Too Large", 429: "Too Many Requests",
            431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
            502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? "Status \(status)"
    }
}
