import RampartCore

enum AWSSessionToken: SecretRule {
    static let metadata = RuleMetadata.secret(
        "aws-session-token", title: "AWS session token",
        documentation: """
        An AWS session token accompanies temporary credentials from STS (assumed roles, SSO, \
        `get-session-token`). Until it expires, minutes to hours later, it lets anyone holding the \
        matching key pair act as the assumed role.

        **Fix:** revoke the role's active sessions (IAM → Roles → Revoke sessions) if the token may \
        still be valid, and do not persist temporary credentials to files: let the SDK obtain them \
        from the instance, task or SSO profile at run time.
        """,
        examples: [
            .triggers("aws_session_token = IQoJb3JpZ2luX2VjEvfy3ppUiYrZ5S5Bbj2T/60gzBOR8s20FoTjGHsuUpjFJGaitB3qghQHEfsmpeLILxk/9Zj/mxLSKFHoA3v+DlePDrPrKScDVGURpuM8YydErK5057uo5vw8mw0oxCIPyZBJfAUXrV7DH+Qg2dQA6IHuYyo9ogwPCU0gCWroNf2/Epkst29F+cpcW86+s2AzZOeIy8Q50\n", fileName: "credentials"),
            .triggers("  \"SessionToken\": \"IQoJb3JpZ2luX2VjEvfy3ppUiYrZ5S5Bbj2T/60gzBOR8s20FoTjGHsuUpjFJGaitB3qghQHEfsmpeLILxk/9Zj/mxLSKFHoA3v+DlePDrPrKScDVGURpuM8YydErK5057uo5vw8mw0oxCIPyZBJfAUXrV7DH+Qg2dQA6IHuYyo9ogwPCU0gCWroNf2/Epkst29F+cpcW86+s2AzZOeIy8Q50\",\n", fileName: "sts.json"),
            .passes("AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}\n", fileName: ".env"),
            .passes("aws_session_token = IQoJb3JpZ2luX2VjEvfy3ppUiYrZ5S5Bbj2T\n", fileName: "credentials"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["aws_session_token", "aws-session-token", "awssessiontoken", "aws_security_token", "aws-security-token", "sessiontoken"],
        regex: #"(?:(?i:aws[_-]?(?:session|security)[_-]?token)|SessionToken)["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{100,2000}={0,2})(?![A-Za-z0-9/+=])"#,
        minEntropy: 4.5
    )
}
