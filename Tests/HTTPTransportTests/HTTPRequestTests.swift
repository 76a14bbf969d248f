import Foundation
import HTTPTransport
import Testing

@Suite("HTTPRequest")
struct HTTPRequestTests {
    private func request(_ text: String) throws -> HTTPRequest {
        HTTPRequest(method: .get, url: try #require(URL(string: text)))
    }

    @Test("shows only scheme, host and port as the origin, hiding keys in path and query")
    func hidesPathInOrigin() throws {
        #expect(
            try request("https://base-mainnet.g.alchemy.com/v2/SECRETKEY").origin
                == "https://base-mainnet.g.alchemy.com")
        #expect(try request("http://127.0.0.1:8545/?apikey=SECRET").origin == "http://127.0.0.1:8545")
    }

    @Test("keeps percent-escapes and the query in the request target")
    func buildsTarget() throws {
        #expect(try request("http://h/api/v1/credits?x=a%20b").target == "/api/v1/credits?x=a%20b")
        #expect(try request("http://h").target == "/")
    }
}
