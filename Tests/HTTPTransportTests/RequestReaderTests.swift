import Foundation
import HTTPTransport
import Synchronization
import Testing

@testable import LoopbackHTTP

@Suite("RequestReader parsing of raw HTTP/1.1 requests")
struct RequestReaderTests {
    /// Feeds `chunks` to a reader one per receive call and records interim writes.
    private func read(_ chunks: [String]) -> (Result<HTTPRequest, RequestReader.Rejection>, [String]) {
        let pending = Mutex(chunks.map { Array($0.utf8) })
        let interim = Mutex([String]())
        let reader = RequestReader(
            receive: { pending.withLock { $0.isEmpty ? [] : $0.removeFirst() } },
            sendInterim: { bytes in interim.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        )
        let result = Result { () throws(RequestReader.Rejection) in try reader.read(baseURL: "http://127.0.0.1:1") }
        return (result, interim.withLock { $0 })
    }

    private func rejectionStatus(_ chunks: [String]) -> Int? {
        guard case .failure(let rejection) = read(chunks).0 else { return nil }
        return rejection.status
    }

    @Test("reads a body split across several receives")
    func readsSplitBody() throws {
        let (result, _) = read(["POST /rpc?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n", "\r\nhello", " world"])
        let request = try result.get()
        #expect(request.method == .post)
        #expect(request.target == "/rpc?x=1")
        #expect(request.headers["host"] == "a")
        #expect(request.body == Data("hello world".utf8))
    }

    @Test("answers Expect: 100-continue before reading the body")
    func answersExpectContinue() throws {
        let (result, interim) = read(["PUT / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n", "ok"])
        #expect(try result.get().body == Data("ok".utf8))
        #expect(interim == ["HTTP/1.1 100 Continue\r\n\r\n"])
    }

    @Test(
        "rejects malformed requests with the right status",
        arguments: [
            (["GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"], 501),
            (["GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"], 400),
            (["GET / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc"], 400),
            (["GET / HTTP/1.1\r\nContent-Length: 1\r\n\r\nab"], 400),
            (["GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"], 400),
            (["GET relative HTTP/1.1\r\n\r\n"], 400),
            (["GET / SPDY/3\r\n\r\n"], 400),
            (["GET / HTTP/1.1\r\nNoColon\r\n\r\n"], 400),
            (["GET / HTTP/1.1\r\n"], 400),
            (["GET / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n"], 413),
        ]
    )
    func rejectsMalformed(chunks: [String], status: Int) {
        #expect(rejectionStatus(chunks) == status)
    }

    @Test("rejects a header block over 64 KiB")
    func rejectsHugeHeaders() {
        let filler = "X-Filler: " + String(repeating: "a", count: 70_000) + "\r\n"
        #expect(rejectionStatus(["GET / HTTP/1.1\r\n", filler]) == 431)
    }
}
