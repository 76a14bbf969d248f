import StrictJSON
import ArgumentParser
import CommandLineSupport
import Foundation
import OnlineSupport
import PaymentAPI

/// `broadcast balance`: total credits, usage and what remains.
struct Balance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the OpenRouter credit balance (GET /api/v1/credits; needs a management key).")

    @Option(name: .long, help: "OpenRouter API base URL.") var apiURL: String = "https://openrouter.ai/api/v1"
    @Option(name: .long, help: "File holding the API key; default: $OPENROUTER_API_KEY.") var apiKeyFile: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CommandRunner.run(json: output.json) {
            let api = try OnlineContext.apiClient(apiURL: apiURL, apiKeyFile: apiKeyFile)
            let credits = try await api.credits()
            if output.json {
                Console.writeArtifact(
                    CanonicalResult.encode([
                        "totalCredits": .string(credits.totalCredits), "totalUsage": .string(credits.totalUsage),
                        "remaining": JSONValue(credits.remaining),
                    ]))
            } else {
                Console.info("total credits \(credits.totalCredits), usage \(credits.totalUsage)")
                Console.writeArtifactLine(credits.remaining ?? "unknown")
            }
        }
    }
}
