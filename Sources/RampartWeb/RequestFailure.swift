import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Why a request got no response, in words a user reads (not NIO's nested error dumps), and of
/// which kind: a scan whose start URL fails with one of them did not happen.
public struct RequestFailure: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        case refused, dns, tls, timeout, closed, invalidHTTP, tooLarge, budget, other
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The scan's own budget ended the request: not the target's fault.
    static let budget = RequestFailure(.budget, "not sent: the time budget ran out")

    /// Reads any error the HTTP stack throws.
    public static func of(_ error: any Error, url: String) -> RequestFailure {
        if let failure = error as? RequestFailure { return failure }
        if error is CancellationError { return budget }
        let host = URLHost.of(url)
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return RequestFailure(.dns, "cannot resolve the host name \(host)")
            }
            if let first = connection.connectionErrors.first { return of(first.error, url: url) }
            return RequestFailure(.refused, "cannot connect to \(host):\(connection.port)")
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return RequestFailure(.refused, "connection refused (nothing listens at \(Self.authority(url)))")
            case ECONNRESET: return RequestFailure(.closed, "the server reset the connection")
            case ENETUNREACH, EHOSTUNREACH: return RequestFailure(.refused, "no route to \(host)")
            case ETIMEDOUT: return RequestFailure(.timeout, "connecting to \(Self.authority(url)) timed out")
            default: return RequestFailure(.other, "network error: \(String(cString: strerror(io.errnoCode)))")
            }
        }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return RequestFailure(.timeout, "connecting to \(Self.authority(url)) timed out")
            case .readTimeout, .deadlineExceeded: return RequestFailure(.timeout, "no response in time")
            case .writeTimeout: return RequestFailure(.timeout, "sending the request timed out")
            case .tlsHandshakeTimeout: return RequestFailure(.tls, "the TLS handshake timed out")
            case .remoteConnectionClosed, .uncleanShutdown: return RequestFailure(.closed, "the server closed the connection without a response")
            case .cancelled: return budget
            case .invalidURL, .emptyHost, .emptyScheme: return RequestFailure(.other, "not a URL the scanner can request")
            case .bodyLengthMismatch, .contentLengthMissing, .chunkedSpecifiedMultipleTimes, .identityCodingIncorrectlyPresent: return RequestFailure(.invalidHTTP, "invalid HTTP response")
            default: return RequestFailure(.other, "HTTP client error: \(client)")
            }
        }
        if let ssl = error as? NIOSSLError {
            if case .handshakeFailed(let inner) = ssl {
                let text = "\(inner)"
                if text.contains("CERTIFICATE_VERIFY_FAILED") { return RequestFailure(.tls, "TLS certificate of \(host) not trusted (--insecure skips verification for test servers)") }
                if text.contains("WRONG_VERSION_NUMBER") { return RequestFailure(.tls, "TLS handshake failed: the server does not speak TLS on that port") }
                return RequestFailure(.tls, "TLS handshake failed")
            }
            if ssl == .uncleanShutdown { return RequestFailure(.closed, "the server closed the TLS connection without a response") }
            return RequestFailure(.tls, "TLS error")
        }
        if error is NIOSSLExtraError { return RequestFailure(.tls, "TLS certificate of \(host) does not match its name") }
        if error is HTTPParserError { return RequestFailure(.invalidHTTP, "invalid HTTP response") }
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("Decompression") { return RequestFailure(.tooLarge, "compressed response too large (a compression bomb?)") }
        if typeName.contains("SSL") || typeName.contains("TLS") { return RequestFailure(.tls, "TLS handshake failed") }
        return RequestFailure(.other, "request failed (\(typeName.split(separator: ".").last.map(String.init) ?? typeName))")
    }

    /// A failure that says the target cannot be scanned at all (not one bad page).
    public var isTransport: Bool {
        switch kind {
        case .refused, .dns, .tls, .timeout, .closed, .invalidHTTP, .tooLarge: true
        case .budget, .other: false
        }
    }

    static func authority(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(host):\(port)"
    }
}
