/// Every built-in secrets detector, in id order; a test checks that each file under
/// `Detectors/` is listed here.
public enum SecretRules {
    public static let all: [any SecretRule.Type] = [
        GenericSecretAssignment.self,
        GitHubPersonalAccessToken.self,
    ].sorted { $0.metadata.id < $1.metadata.id }
}
