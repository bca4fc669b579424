/// Every passive web rule, in id order; a test checks that each file under `Rules/` is listed.
public enum WebRules {
    public static let all: [any WebRule.Type] = [
        AntiClickjackingHeader.self, ContentTypeOptionsMissing.self, CSPHeaderNotSet.self, ServerVersionHeader.self,
        XPoweredByHeader.self, CookieNoHttpOnly.self, CookieNoSecure.self, CookieNoSameSite.self, StrictTransportSecurity.self,
        PermissionsPolicyNotSet.self, ReferrerPolicyMissing.self, WerkzeugDebugger.self, CrossDomainMisconfiguration.self,
        ReverseTabnabbing.self, SubresourceIntegrityMissing.self, AntiCSRFTokensMissing.self, DjangoDebugPage.self,
        ContentTypeMissing.self, XBackendServerHeader.self, XChromeLoggerData.self, XDebugToken.self, HeartbleedIndicative.self,
        RetrievedFromCache.self, WeakAuthenticationMethod.self, LooselyScopedCookie.self, CookiePrefixMisuse.self,
        CacheControlDirectives.self, StorableCacheableContent.self, SpectreSiteIsolation.self, PrivateIPDisclosure.self,
        InPageBannerLeak.self, DirectoryBrowsing.self, DebugErrorMessages.self, PythonTraceback.self,
        ApplicationErrorDisclosure.self, JavaSerializationObject.self, SourceCodeDisclosure.self, HashDisclosure.self,
        PIIDisclosure.self, TimestampDisclosure.self, SessionIDInURL.self, SensitiveInfoInURL.self, OffSiteRedirect.self,
        CookiePoisoning.self, UserControllableCharset.self, CharsetMismatch.self, UserControllableAttribute.self,
        UserControllableJSEvent.self, HTTPParameterOverride.self, BigRedirect.self, CrossDomainScriptInclusion.self,
        MixedContent.self, FormPostHTTPToHTTPS.self, FormPostHTTPSToHTTP.self, MaliciousScriptDomain.self,
        ModernWebApplication.self, DangerousJSFunctions.self, SuspiciousComments.self, CSPWeaknesses.self,
        FlaskSessionCookie.self, GraphQLExposure.self, ExposedSensitiveFile.self,
    ].sorted { $0.metadata.id < $1.metadata.id }

    /// Every active check (`--active`), in id order.
    public static let active: [any ActiveRule.Type] = [
        ReflectedXSS.self, StoredXSS.self, SQLInjection.self, OpenRedirect.self, PathTraversal.self, TemplateInjection.self, CommandInjection.self,
        CodeInjection.self, ServerSideRequestForgery.self, GraphQLBatching.self, GraphQLDepthLimit.self, GraphQLFieldSuggestions.self,
        GraphQLGetMutation.self,
    ].sorted { $0.metadata.id < $1.metadata.id }
}
