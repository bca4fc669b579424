import Foundation

/// Read-only requests beyond the links: files that should never be served (`.git`, `.env`,
/// backups of crawled files) and GraphQL endpoints, judged by the passive rules
/// (`rampart-exposed-file`, `rampart-graphql`). Bounded: a few paths per crawled folder, for a
/// handful of folders and files.
enum Discovery {
    static let perFolder = [".git/HEAD", ".git/config", ".env"]
    static let atRoot = ["console", "backup.zip", "backup.sql", "dump.sql", "db.sql", ".DS_Store", "graphql?query=%7B__schema%7Btypes%7Bname%7D%7D%7D", "graphiql", "api/graphql?query=%7B__schema%7Btypes%7Bname%7D%7D%7D"]
    static let backupSuffixes = [".bak", "~", ".old", ".orig"]

    static func requests(after exchanges: [WebExchange], start: URL, maxFolders: Int = 10, maxFiles: Int = 20) -> [WebRequest] {
        var folders: [String] = []
        var files: [String] = []
        var seenFolders = Set<String>()
        var seenFiles = Set<String>()
        guard let root = URL(string: "/", relativeTo: start)?.absoluteURL else { return [] }
        func addFolder(_ url: URL) {
            guard folders.count < maxFolders, seenFolders.insert(url.absoluteString).inserted else { return }
            folders.append(url.absoluteString)
        }
        addFolder(root)
        for exchange in exchanges where (200..<300).contains(exchange.status) {
            guard var components = URLComponents(string: exchange.url) else { continue }
            components.query = nil
            components.fragment = nil
            guard let url = components.url else { continue }
            let path = url.path
            if path.hasSuffix("/") {
                addFolder(url)
            } else if let folder = URL(string: ".", relativeTo: url)?.absoluteURL {
                addFolder(folder)
            }
            // Backups of files with an extension (`app.js.bak`), not of routes.
            let last = url.lastPathComponent
            if last.contains("."), !last.hasPrefix("."), files.count < maxFiles, !Discovery.isDiscovery(path), seenFiles.insert(url.absoluteString).inserted {
                files.append(url.absoluteString)
            }
        }
        var requests: [WebRequest] = []
        for folder in folders {
            for name in perFolder { requests.append(WebRequest(url: folder + name)) }
        }
        for name in atRoot { requests.append(WebRequest(url: root.absoluteString + name)) }
        for file in files {
            for suffix in backupSuffixes { requests.append(WebRequest(url: file + suffix)) }
        }
        var seen = Set<String>()
        return requests.filter { seen.insert($0.key).inserted }
    }

    static func isDiscovery(_ path: String) -> Bool {
        path.hasSuffix("/robots.txt") || path.hasSuffix("/sitemap.xml")
    }
}
