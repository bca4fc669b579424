/// Every Python rule, in id order. A test checks that each rule type in the module is listed.
public enum PythonRules {
    public static let all: [any PythonRule.Type] = [
        B101AssertUsed.self, B102ExecUsed.self, B103BadFilePermissions.self, B104BindAllInterfaces.self,
        B105HardcodedPasswordString.self, B106HardcodedPasswordFuncarg.self, B107HardcodedPasswordDefault.self,
        B108HardcodedTmpDirectory.self, B110TryExceptPass.self, B112TryExceptContinue.self,
        B113RequestWithoutTimeout.self, B201FlaskDebugTrue.self, B202TarfileUnsafeMembers.self,
        B301PickleCall.self, B302MarshalCall.self, B303InsecureHashCall.self, B304InsecureCipherCall.self,
        B305InsecureCipherModeCall.self, B306MktempCall.self, B307EvalCall.self, B308MarkSafeCall.self,
        B310URLOpenCall.self, B311RandomCall.self, B312TelnetCall.self, B313CElementTreeCall.self,
        B314ElementTreeCall.self, B315ExpatReaderCall.self, B316ExpatBuilderCall.self, B317SaxCall.self,
        B318MinidomCall.self, B319PulldomCall.self, B321FTPCall.self, B323UnverifiedContextCall.self,
        B324InsecureHash.self,
        B401TelnetImport.self, B402FTPImport.self, B403PickleImport.self, B404SubprocessImport.self,
        B405XMLEtreeImport.self, B406XMLSaxImport.self, B407XMLExpatImport.self, B408XMLMinidomImport.self,
        B409XMLPulldomImport.self, B411XMLRPCImport.self, B412HttpoxyImport.self, B413PyCryptoImport.self,
        B415PyghmiImport.self,
        B501RequestWithNoCertValidation.self, B502SSLWithBadVersion.self, B503SSLWithBadDefaults.self,
        B504SSLWithNoVersion.self, B505WeakCryptographicKey.self, B506YamlLoad.self, B507SSHNoHostKeyVerification.self,
        B508SNMPInsecureVersion.self, B509SNMPWeakCryptography.self,
        B601ParamikoCalls.self, B602SubprocessPopenWithShell.self, B603SubprocessWithoutShell.self, B604AnyOtherFunctionWithShell.self,
        B605StartProcessWithShell.self, B606StartProcessWithNoShell.self, B607StartProcessWithPartialPath.self,
        B608HardcodedSQLExpressions.self, B609LinuxCommandsWildcardInjection.self, B610DjangoExtraUsed.self,
        B611DjangoRawSQLUsed.self, B612LoggingConfigInsecureListen.self, B613TrojanSource.self, B614PytorchLoad.self,
        B615HuggingfaceUnsafeDownload.self,
        B701Jinja2AutoescapeFalse.self, B702UseOfMakoTemplates.self, B703DjangoMarkSafe.self, B704MarkupsafeMarkupXSS.self,
    ]
}
