/// Every built-in secrets detector, in id order; a test checks that each file under
/// `Detectors/` is listed here.
public enum SecretRules {
    public static let all: [any SecretRule.Type] = [
        AWSAccessKeyID.self,
        AWSBedrockAPIKey.self,
        AWSSecretAccessKey.self,
        AWSSessionToken.self,
        AlibabaAccessKeyID.self,
        AlibabaAccessKeySecret.self,
        AzureADClientSecret.self,
        AzureDevOpsPAT.self,
        AzureSASToken.self,
        AzureSharedAccessKey.self,
        AzureStorageAccountKey.self,
        DigitalOceanOAuthToken.self,
        DigitalOceanPAT.self,
        DigitalOceanRefreshToken.self,
        GCPServiceAccountKey.self,
        GenericSecretAssignment.self,
        GitHubPersonalAccessToken.self,
        GoogleAPIKey.self,
        GoogleOAuthAccessToken.self,
        GoogleOAuthClientSecret.self,
        GoogleOAuthRefreshToken.self,
        IBMCloudAPIKey.self,
        TencentCloudSecretID.self,
        TencentCloudSecretKey.self,
    ].sorted { $0.metadata.id < $1.metadata.id }
}
