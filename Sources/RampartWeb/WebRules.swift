/// Every passive web rule, in id order; a test checks that each file under `Rules/` is listed.
public enum WebRules {
    public static let all: [any WebRule.Type] = [
        AntiClickjackingHeader.self, ContentTypeOptionsMissing.self, CSPHeaderNotSet.self, ServerVersionHeader.self,
        XPoweredByHeader.self, CookieNoHttpOnly.self, CookieNoSecure.self, CookieNoSameSite.self, StrictTransportSecurity.self,
        PermissionsPolicyNotSet.self, ReferrerPolicyMissing.self, WerkzeugDebugger.self, CrossDomainMisconfiguration.self,
        ReverseTabnabbing.self, SubresourceIntegrityMissing.self, AntiCSRFTokensMissing.self, DjangoDebugPage.self,
    ].sorted { $0.metadata.id < $1.metadata.id }
}
