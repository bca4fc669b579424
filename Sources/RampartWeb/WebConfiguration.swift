import Foundation
import RampartCore

extension WebScanner {
    /// The `web:` section of `.rampart.yml`, for `rampart scan` (`rampart web` takes flags).
    public func configured(with section: ConfigNode, reader: NodeReader) throws(ConfigurationError) -> any SecurityScanner {
        var copy = self
        let base = reader.file.contains("/") ? String(reader.file[..<(reader.file.lastIndex(of: "/") ?? reader.file.endIndex)]) : "."
        func fail(_ entry: (key: String, keyPosition: ConfigNode.Position, value: ConfigNode), _ message: String) -> ConfigurationError {
            ConfigurationError(file: reader.file, line: entry.keyPosition.line, column: entry.keyPosition.column, key: "web.\(entry.key)", message: message)
        }
        for entry in try reader.mapping(section, key: "web") {
            let key = "web.\(entry.key)"
            switch entry.key {
            case "target":
                let text = try reader.string(entry.value, key: key)
                guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                    throw fail(entry, "'\(text)' is not an http(s) URL")
                }
                copy.options.target = url
            case "active": copy.options.active = try reader.bool(entry.value, key: key)
            case "submit_forms": copy.options.limits.submitForms = try reader.bool(entry.value, key: key)
            case "discovery": copy.options.discovery = try reader.bool(entry.value, key: key)
            case "verify_tls": copy.options.verifyTLS = try reader.bool(entry.value, key: key)
            case "localhost_exemption": copy.options.localhostExemption = try reader.bool(entry.value, key: key)
            case "max_pages": copy.options.limits.maxPages = max(1, try reader.int(entry.value, key: key))
            case "max_depth": copy.options.limits.maxDepth = max(0, try reader.int(entry.value, key: key))
            case "max_requests": copy.options.limits.maxRequests = max(1, try reader.int(entry.value, key: key))
            case "max_time": copy.options.limits.timeBudget = .seconds(max(1, try reader.int(entry.value, key: key)))
            case "rate": copy.options.limits.requestsPerSecond = Double(max(1, try reader.int(entry.value, key: key)))
            case "concurrency": copy.options.limits.concurrency = max(1, try reader.int(entry.value, key: key))
            case "enable": copy.options.enable = Set(try reader.strings(entry.value, key: key))
            case "zap_config":
                let path = try reader.string(entry.value, key: key)
                let full = path.hasPrefix("/") ? path : base + "/" + path
                guard let data = FileManager.default.contents(atPath: full) else { throw fail(entry, "cannot read \(full)") }
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
                let environment = ProcessInfo.processInfo.environment
                guard let url, let target = copy.options.target ?? URL(string: url), let login = URL(string: url, relativeTo: target)?.absoluteURL else {
                    throw fail(entry, "login needs a url (and a target for a relative one)")
                }
                guard let username = environment["RAMPART_WEB_USERNAME"], let password = environment["RAMPART_WEB_PASSWORD"] else {
                    throw fail(entry, "login needs RAMPART_WEB_USERNAME and RAMPART_WEB_PASSWORD in the environment")
                }
                copy.options.login = FormLogin(url: login, usernameField: userField, passwordField: passwordField, username: username, password: password, loggedOutText: loggedOut)
            default:
                throw fail(entry, "unknown key; the web scanner takes target, active, submit_forms, discovery, verify_tls, localhost_exemption, max_pages, max_depth, max_requests, max_time, rate, concurrency, enable, zap_config, headers, login")
            }
        }
        return copy
    }
}
