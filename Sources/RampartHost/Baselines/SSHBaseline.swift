import RampartCore

/// The dev-sec `ssh-baseline` (server `sshd-*` and client `ssh-*` controls), with the same ids
/// and intent; descriptions are Rampart's. Values are effective ones: OpenSSH's defaults count
/// when a keyword is not set, first value wins, `Include`d files are read, `Match` blocks do not
/// change the global value.
enum SSHBaseline {
    static let sshdConfig = "/etc/ssh/sshd_config"
    static let sshConfig = "/etc/ssh/ssh_config"

    static var profile: Profile {
        Profile(name: "ssh-baseline", title: "DevSec SSH Baseline (Rampart)", version: "2.9.0", controls: serverSettings + clientSettings + others)
    }

    static func setting(_ id: String, _ title: String, server: Bool, _ keyword: String, _ matcher: Matcher, fix: String?, _ description: String) -> Control {
        let package = server ? "openssh-server" : "openssh-client"
        return Control(
            id: id, title: title, impact: 1.0, description: description, tags: [server ? "sshd" : "ssh"],
            onlyIf: [DSL.installed(package, true)],
            checks: [server ? DSL.sshd(keyword, matcher) : DSL.ssh(keyword, matcher)],
            remediation: fix.map { [server ? .sshdSetting(key: keyword, value: $0) : .sshSetting(key: keyword, value: $0)] } ?? [],
            notFixable: fix == nil ? "the expected value is a site decision" : nil
        )
    }

    static let serverSettings: [Control] = [
        setting("sshd-01", "Server: use only strong ciphers", server: true, "Ciphers", .eq("chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr"), fix: "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr", "The server offers only authenticated or counter-mode ciphers; CBC modes and RC4 are out."),
        setting("sshd-02", "Server: use only strong key exchange", server: true, "KexAlgorithms", .eq("sntrup761x25519-sha512@openssh.com,curve25519-sha256@libssh.org,diffie-hellman-group-exchange-sha256"), fix: "sntrup761x25519-sha512@openssh.com,curve25519-sha256@libssh.org,diffie-hellman-group-exchange-sha256", "Key exchange is limited to post-quantum hybrid, Curve25519 and group-exchange with SHA-256; SHA-1 and fixed small groups are out."),
        setting("sshd-03", "Server: use only strong message authentication codes", server: true, "MACs", .eq("hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256"), fix: "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256", "Only SHA-2 MACs (encrypt-then-MAC first); MD5 and SHA-1 MACs are out."),
        setting("sshd-06", "Server: no root login with a password", server: true, "PermitRootLogin", .match("^(no|without-password|prohibit-password)$"), fix: "no", "root must not log in with a password (keys only, or not at all): passwords of root are what brute force aims at."),
        setting("sshd-07", "Server: listen on the expected port", server: true, "Port", .eq("22"), fix: nil, "The server listens on the port the organisation expects (22 unless it decided otherwise), so firewall rules and monitoring match."),
        setting("sshd-08", "Server: choose the address family", server: true, "AddressFamily", .match("^(inet|inet6|any)$"), fix: "inet", "The address family is one of inet, inet6 or any."),
        setting("sshd-11", "Server: StrictModes on", server: true, "StrictModes", .eq("yes"), fix: "yes", "sshd checks the modes and owners of users' files (authorized_keys, home) before accepting a login."),
        setting("sshd-12", "Server: log to the AUTH facility", server: true, "SyslogFacility", .eq("AUTH"), fix: "AUTH", "Authentication messages go to syslog's AUTH facility, where log collection expects them."),
        setting("sshd-13", "Server: verbose logging", server: true, "LogLevel", .eq("VERBOSE"), fix: "VERBOSE", "VERBOSE logs the fingerprint of the key used for each login, which audits need."),
        setting("sshd-17", "Server: no user environment", server: true, "PermitUserEnvironment", .eq("no"), fix: "no", "Users cannot set environment variables through ~/.ssh/environment (LD_PRELOAD and friends) to get around restrictions."),
        setting("sshd-18", "Server: short login grace time", server: true, "LoginGraceTime", .cmp(.lessOrEqual, "30"), fix: "30s", "Unauthenticated connections are dropped after 30 seconds, which limits slow connection-exhaustion attacks."),
        setting("sshd-19", "Server: few authentication attempts", server: true, "MaxAuthTries", .cmp(.lessOrEqual, "2"), fix: "2", "At most two authentication attempts per connection slow down password guessing."),
        setting("sshd-20", "Server: limit sessions per connection", server: true, "MaxSessions", .cmp(.lessOrEqual, "10"), fix: "10", "At most ten multiplexed sessions per connection."),
        setting("sshd-21", "Server: limit unauthenticated connections", server: true, "MaxStartups", .eq("10:30:60"), fix: "10:30:60", "Random early drop of unauthenticated connections from 10, at 30 %, up to 60 at most."),
        setting("sshd-22", "Server: public key authentication on", server: true, "PubkeyAuthentication", .eq("yes"), fix: "yes", "Key-based authentication is enabled (it is the one that should be used)."),
        setting("sshd-23", "Server: ignore .rhosts", server: true, "IgnoreRhosts", .eq("yes"), fix: "yes", ".rhosts and .shosts files are ignored."),
        setting("sshd-24", "Server: ignore users' known_hosts", server: true, "IgnoreUserKnownHosts", .eq("yes"), fix: "yes", "Host-based trust never comes from a user's own known_hosts."),
        setting("sshd-25", "Server: no host-based authentication", server: true, "HostbasedAuthentication", .eq("no"), fix: "no", "Trust in whole hosts (rhosts-style, with host keys) is off."),
        setting("sshd-27", "Server: no password authentication", server: true, "PasswordAuthentication", .eq("no"), fix: "no", "Passwords are guessable and phishable; keys (or certificates) only."),
        setting("sshd-28", "Server: no empty passwords", server: true, "PermitEmptyPasswords", .eq("no"), fix: "no", "Accounts with empty passwords can never log in over SSH."),
        setting("sshd-29", "Server: no challenge-response (keyboard-interactive)", server: true, "KbdInteractiveAuthentication", .eq("no"), fix: "no", "Keyboard-interactive authentication (ChallengeResponseAuthentication in older versions) is off: it is another way to type a password."),
        setting("sshd-30", "Server: no Kerberos password authentication", server: true, "KerberosAuthentication", .eq("no"), fix: "no", "Passwords are not checked against Kerberos."),
        setting("sshd-31", "Server: no fallback to local passwords after Kerberos", server: true, "KerberosOrLocalPasswd", .eq("no"), fix: "no", "A failed Kerberos check does not fall back to local passwords."),
        setting("sshd-32", "Server: destroy Kerberos tickets at logout", server: true, "KerberosTicketCleanup", .eq("yes"), fix: "yes", "Users' Kerberos ticket caches are destroyed when they log out."),
        setting("sshd-33", "Server: no GSSAPI authentication", server: true, "GSSAPIAuthentication", .eq("no"), fix: "no", "GSSAPI authentication is off unless the site uses it."),
        setting("sshd-34", "Server: destroy GSSAPI credentials at logout", server: true, "GSSAPICleanupCredentials", .eq("yes"), fix: "yes", "GSSAPI credential caches are destroyed at logout."),
        setting("sshd-35", "Server: no TCP keep-alive", server: true, "TCPKeepAlive", .eq("no"), fix: "no", "TCP keep-alives are spoofable; the encrypted ClientAlive messages do the job instead."),
        setting("sshd-36", "Server: client alive interval", server: true, "ClientAliveInterval", .cmp(.lessOrEqual, "300"), fix: "300", "Idle sessions are probed at least every 300 seconds…"),
        setting("sshd-37", "Server: client alive count", server: true, "ClientAliveCountMax", .cmp(.lessOrEqual, "3"), fix: "3", "…and dropped after three unanswered probes."),
        setting("sshd-38", "Server: no tunnels", server: true, "PermitTunnel", .eq("no"), fix: "no", "tun/tap forwarding through SSH is off."),
        setting("sshd-39", "Server: no TCP forwarding", server: true, "AllowTcpForwarding", .eq("no"), fix: "no", "Users cannot tunnel TCP connections through the server."),
        setting("sshd-40", "Server: no agent forwarding", server: true, "AllowAgentForwarding", .eq("no"), fix: "no", "Agent forwarding lets anyone with root on the server use the user's keys."),
        setting("sshd-41", "Server: no gateway ports", server: true, "GatewayPorts", .eq("no"), fix: "no", "Remote port forwards bind to loopback only."),
        setting("sshd-42", "Server: no X11 forwarding", server: true, "X11Forwarding", .eq("no"), fix: "no", "X11 forwarding exposes the user's display to the server."),
        setting("sshd-43", "Server: X11 forwarding bound to localhost", server: true, "X11UseLocalhost", .eq("yes"), fix: "yes", "If X11 forwarding is ever enabled, its proxy display listens on loopback only."),
        setting("sshd-44", "Server: no message of the day from sshd", server: true, "PrintMotd", .eq("no"), fix: "no", "sshd does not print /etc/motd (PAM does, where configured), which avoids leaking system details twice."),
        setting("sshd-45", "Server: no last-login line from sshd", server: true, "PrintLastLog", .eq("no"), fix: "no", "sshd does not print the last login (PAM's lastlog does, where configured)."),
        setting("sshd-46", "Server: no pre-authentication banner", server: true, "Banner", .eq("none"), fix: "none", "No banner file is sent before authentication (it tells attackers about the system)."),
    ]

    static let clientSettings: [Control] = [
        setting("ssh-02", "Client: choose the address family", server: false, "AddressFamily", .match("^(inet|inet6|any)$"), fix: "inet", "The client uses one of inet, inet6 or any."),
        setting("ssh-03", "Client: connect to the expected port", server: false, "Port", .eq("22"), fix: nil, "The client connects to port 22 unless told otherwise."),
        setting("ssh-05", "Client: batch mode off", server: false, "BatchMode", .eq("no"), fix: "no", "Batch mode (no prompts) is for scripts that set it themselves."),
        setting("ssh-06", "Client: check host IP addresses", server: false, "CheckHostIP", .eq("yes"), fix: "yes", "The client also checks the server's IP address against known_hosts, which detects DNS spoofing."),
        setting("ssh-07", "Client: ask or refuse on unknown host keys", server: false, "StrictHostKeyChecking", .match("^(ask|yes)$"), fix: "ask", "Unknown or changed host keys are never accepted silently."),
        setting("ssh-08", "Client: use only strong ciphers", server: false, "Ciphers", .eq("chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr"), fix: "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr", "The client offers only authenticated or counter-mode ciphers."),
        setting("ssh-09", "Client: use only strong key exchange", server: false, "KexAlgorithms", .eq("sntrup761x25519-sha512@openssh.com,curve25519-sha256@libssh.org,diffie-hellman-group-exchange-sha256"), fix: "sntrup761x25519-sha512@openssh.com,curve25519-sha256@libssh.org,diffie-hellman-group-exchange-sha256", "The client offers only strong key exchange methods."),
        setting("ssh-10", "Client: use only strong message authentication codes", server: false, "MACs", .eq("hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256"), fix: "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256", "The client offers only SHA-2 MACs."),
        setting("ssh-11", "Client: no agent forwarding", server: false, "ForwardAgent", .eq("no"), fix: "no", "The agent is not forwarded to servers, where their root could use it."),
        setting("ssh-12", "Client: no X11 forwarding", server: false, "ForwardX11", .eq("no"), fix: "no", "The local display is not exposed to servers."),
        setting("ssh-13", "Client: no host-based authentication", server: false, "HostbasedAuthentication", .eq("no"), fix: "no", "The client does not authenticate with the host's key."),
        setting("ssh-16", "Client: no password authentication", server: false, "PasswordAuthentication", .eq("no"), fix: "no", "The client does not offer passwords (keys only)."),
        setting("ssh-17", "Client: no GSSAPI authentication", server: false, "GSSAPIAuthentication", .eq("no"), fix: "no", "GSSAPI authentication is off unless the site uses it."),
        setting("ssh-18", "Client: no GSSAPI credential delegation", server: false, "GSSAPIDelegateCredentials", .eq("no"), fix: "no", "Kerberos credentials are not delegated to servers."),
        setting("ssh-19", "Client: no tunnels", server: false, "Tunnel", .eq("no"), fix: "no", "tun/tap forwarding is off."),
        setting("ssh-20", "Client: no local commands", server: false, "PermitLocalCommand", .eq("no"), fix: "no", "LocalCommand (running a command on the client after connecting) is off."),
    ]
}
