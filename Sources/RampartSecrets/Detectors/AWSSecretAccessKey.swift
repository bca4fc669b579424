import RampartCore

enum AWSSecretAccessKey: SecretRule {
    static let metadata = RuleMetadata.secret(
        "aws-secret-access-key", title: "AWS secret access key", severity: .critical,
        documentation: """
        The secret half of an AWS access key pair (40 base-64 characters) signs requests as its IAM \
        user or role. Rampart reports it where it is assigned to a name such as \
        `aws_secret_access_key`, `SecretAccessKey` or `AWS_SECRET_KEY`.

        **Fix:** deactivate and delete the access key in IAM, review CloudTrail for calls made with \
        it, and give the workload an IAM role, IAM Identity Center session or a secrets manager \
        entry instead of a static key.
        """,
        examples: [
            .triggers("aws_secret_access_key = tEqfAj5riypYusqm/TPlPIM4SVP2xoXXpw5FVUGh\n", fileName: "credentials"),
            .triggers("{\"AccessKeyId\": \"ASIAIHONRBHT55HZGQ4F\", \"SecretAccessKey\": \"vRr8ixZjSJH/2Y5DQ9wZ2rgcEx4Zh/X+0QxB38Ui\"}\n", fileName: "creds.json"),
            .triggers("export AWS_SECRET_ACCESS_KEY='vRr8ixZjSJH/2Y5DQ9wZ2rgcEx4Zh/X+0QxB38Ui'\n", fileName: "deploy.sh"),
            .passes("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", fileName: "credentials"),
            .passes("aws_secret_access_key = tEqfAj5riypYusqm/TPlPIM4SVP2xoXXpw5FVUG\n", fileName: "credentials"),
            .passes("AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}\n", fileName: ".env"),
        ]
    )
    static let pattern = SecretPattern(
        keywords: ["secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "aws-secret", "awssecret"],
        regex: #"(?i)(?:secret[_-]?access[_-]?key|aws[_-]?secret(?:[_-]?key)?)["']?\s*(?:[:=]|=>|:=)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#,
        minEntropy: 4.0
    )
}
