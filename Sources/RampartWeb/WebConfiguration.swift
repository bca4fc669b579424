import Foundation
import RampartCore
import RampartRegex

extension WebScanner {
    /// The `web:` section of `.rampart.yml`, for `rampart scan` (`rampart web` takes flags).
    /// A repository's own file (`reader.confinement` set) may point the scanner and its login at
    /// loopback or at origins listed in `RAMPART_ALLOWED_ORIGINS` only: the repository must not
    /// aim the crawler at internal addresses or receive `RAMPART_WEB_PASSWORD`.
    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        try configured(with: section, reader: reader, environment: ProcessInfo.processInfo.environment)
    }

    public func configured(with section: ConfigNode, reader: NodeReader, environment: [String: String]) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        let fromRepository = reader.confinement != nil
        let trusted = TrustedOrigins(environment: environment)
        func fail(_ entry: (key: String, keyPosition: ConfigNode.Position, value: ConfigNode), _ message: String) -> ConfigurationError {
            ConfigurationError(file: reader.file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: "web.\(entry.key)", message: message)
        }
        for entry in try reader.mapping(section, key: "web") {
            let key = "web.\(entry.key)"
            switch entry.key {
            case "target":
                let text = try reader.string(entry.value, key: key)
                guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                    throw fail(entry, "'\(TextEscaping.escape(text))' is not an http(s) URL")
                }
                if fromRepository, let refusal = trusted.refusal(text, purpose: "scan") { throw fail(entry, refusal) }
                copy.options.target = url
            case "active": copy.options.active = try reader.bool(entry.value, key: key)
            case "submit_forms": copy.options.limits.submitForms = try reader.bool(entry.value, key: key)
            case "discovery": copy.options.discovery = try reader.bool(entry.value, key: key)
            case "verify_tls": copy.options.verifyTLS = try reader.bool(entry.value, key: key)
            case "localhost_exemption": copy.options.localhostExemption = try reader.bool(entry.value, key: key)
            case "partial_ok": copy.options.partialOK = try reader.bool(entry.value, key: key)
            case "login_optional": copy.options.loginOptional = try reader.bool(entry.value, key: key)
            case "unsafe": copy.options.unsafe = try reader.bool(entry.value, key: key)
            case "openapi":
                let text = try reader.string(entry.value, key: key)
                if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("/") {
                    copy.options.openAPI = .url(text)
                } else {
                    let full = try reader.path(entry.value, key: key)
                    guard let data = try? FileReader.read(full, limit: 16 << 20) else { throw fail(entry, "cannot read \(TextEscaping.escape(full))") }
                    copy.options.openAPI = .document(String(decoding: data, as: UTF8.self), name: full)
                }
            case "graphql_schema":
                let full = try reader.path(entry.value, key: key)
                guard let data = try? FileReader.read(full, limit: 16 << 20), let schema = GraphQLSchema.parse(introspection: Array(data)) else {
                    throw fail(entry, "\(TextEscaping.escape(full)) is not a readable GraphQL introspection result")
                }
                copy.options.graphQLSchema = schema
            case "graphql_endpoint": copy.options.graphQLEndpoint = try reader.string(entry.value, key: key)
            case "exclude":
                for pattern in try reader.strings(entry.value, key: key) {
                    do {
                        copy.options.exclude.append(try ByteRegex(pattern))
                    } catch {
                        throw fail(entry, "'\(TextEscaping.escape(pattern))' is not a regular expression: \(error)")
                    }
                }
            case "max_pages": copy.options.limits.maxPages = max(1, try reader.int(entry.value, key: key))
            case "max_depth": copy.options.limits.maxDepth = max(0, try reader.int(entry.value, key: key))
            case "max_requests": copy.options.limits.maxRequests = max(1, try reader.int(entry.value, key: key))
            case "max_time": copy.options.limits.timeBudget = .seconds(max(1, try reader.int(entry.value, key: key)))
            case "rate": copy.options.limits.requestsPerSecond = Double(max(1, try reader.int(entry.value, key: key)))
            case "concurrency": copy.options.limits.concurrency = max(1, try reader.int(entry.value, key: key))
            case "enable": copy.options.enable = Set(try reader.strings(entry.value, key: key))
            case "zap_config":
                let full = try reader.path(entry.value, key: key)
                guard let data = try? FileReader.read(full, limit: 1 << 20) else { throw fail(entry, "cannot read \(TextEscaping.escape(full))") }
                do {
                    copy.options.zapConfig = try ZAPRuleConfig.parse(String(decoding: data, as: UTF8.self), file: full)
                } catch {
                    throw fail(entry, error.description)
                }
            case "headers":
                for header in try reader.strings(entry.value, key: key) {
                    guard let colon = header.firstIndex(of: ":") else { throw fail(entry, "'\(header)' is not `Name: value`") }
                    copy.options.headers.append((header[..<colon].trimmingWhitespace(), header[header.index(after: colon)...].trimmingWhitespace()))
                }
            case "login":
                var url: String?
                var userField = "username", passwordField = "password"
                var loggedOut: String?
                for item in try reader.mapping(entry.value, key: key) {
                    let itemKey = "\(key).\(item.key)"
                    switch item.key {
                    case "url": url = try reader.string(item.value, key: itemKey)
                    case "username_field": userField = try reader.string(item.value, key: itemKey)
                    case "password_field": passwordField = try reader.string(item.value, key: itemKey)
                    case "logged_out_text": loggedOut = try reader.string(item.value, key: itemKey)
                    default: throw fail(entry, "unknown key '\(item.key)'; login takes url, username_field, password_field, logged_out_text")
                    }
                }
                guard let url, let target = copy.options.target ?? URL(string: url), let login = URL(string: url, relativeTo: target)?.absoluteURL else {
                    throw fail(entry, "login needs a url (and a target for a relative one)")
                }
                // The password goes to the target's own origin only, and from a repository's
                // file only to loopback or an allowed origin.
                if TrustedOrigins.origin(of: login.absoluteString) != TrustedOrigins.origin(of: target.absoluteString) {
                    throw fail(entry, "the login URL's origin differs from the target's: credentials are sent to the target only")
                }
                if fromRepository, let refusal = trusted.refusal(login.absoluteString, purpose: "send RAMPART_WEB_PASSWORD") { throw fail(entry, refusal) }
                guard let username = environment["RAMPART_WEB_USERNAME"], let password = environment["RAMPART_WEB_PASSWORD"] else {
                    throw fail(entry, "login needs RAMPART_WEB_USERNAME and RAMPART_WEB_PASSWORD in the environment")
                }
                copy.options.login = FormLogin(url: login, usernameField: userField, passwordField: passwordField, username: username, password: password, loggedOutText: loggedOut)
            default:
                throw fail(entry, "unknown key; the web scanner takes target, active, submit_forms, discovery, verify_tls, localhost_exemption, partial_ok, login_optional, unsafe, exclude, openapi, graphql_schema, graphql_endpoint, max_pages, max_depth, max_requests, max_time, rate, concurrency, enable, zap_config, headers, login")
            }
        }
        return copy
    }
}
