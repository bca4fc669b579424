/// Where untrusted data enters Python programs, per framework: the sources the built-in taint
/// rules share. Patterns name modules as imported (`flask.request` also matches
/// `from flask import request`), as custom rules do.
public enum TaintModels {
    /// Flask (and Werkzeug): the request object, and a route's path parameters.
    static let flask: [TaintPattern] = [
        .pattern("flask.request.$ATTRIBUTE"),
        .focus("""
        @$APP.$ROUTE(...)
        def $VIEW(..., $PARAMETER, ...):
            ...
        """, on: "$PARAMETER", regex: ["$ROUTE": routeDecorators, "$PARAMETER": "^(?!self$|cls$)"]),
        .focus("""
        @$APP.$ROUTE(...)
        async def $VIEW(..., $PARAMETER, ...):
            ...
        """, on: "$PARAMETER", regex: ["$ROUTE": routeDecorators, "$PARAMETER": "^(?!self$|cls$)"]),
    ]

    /// The decorators that make a function a route (Flask, FastAPI, Starlette, Sanic, Quart).
    static let routeDecorators = "^(route|get|post|put|patch|delete|head|options|api_route|websocket)$"

    /// Django: the request's data in function and class-based views.
    static let django: [TaintPattern] = ["GET", "POST", "COOKIES", "META", "FILES", "body", "headers", "data", "query_params", "path"].flatMap { attribute in
        [TaintPattern.pattern("request.\(attribute)"), .pattern("self.request.\(attribute)")]
    } + [.pattern("request.get_full_path(...)")]

    /// FastAPI and Starlette: a view's `Request` parameter (its query, path parameters,
    /// headers, cookies, body); path and query parameters of routes come with Flask's model.
    static let starlette: [TaintPattern] = [
        .focus("""
        def $VIEW(..., $REQUEST: Request, ...):
            ...
        """, on: "$REQUEST"),
        .focus("""
        async def $VIEW(..., $REQUEST: Request, ...):
            ...
        """, on: "$REQUEST"),
    ]

    /// The standard library: the process's input from a user.
    static let standardLibrary: [TaintPattern] = [
        .pattern("input(...)"),
        .pattern("sys.argv"),
        .pattern("sys.stdin"),
    ]

    /// Data from the network: web requests of every framework. (Command-line arguments and
    /// standard input are not: the person who runs a program chooses them, no trust boundary is
    /// crossed; they count only where the program itself must not be steered, as for code
    /// evaluation and deserialization.)
    public static let untrustedInput: [TaintPattern] = flask + django + starlette

    /// Web requests and the process's own input.
    public static let untrustedInputAndUser: [TaintPattern] = untrustedInput + standardLibrary

    /// Allow-list checks: a value that passed one holds only the characters or values allowed
    /// (`if not re.fullmatch(r"[a-z]+", name): abort(400)`).
    public static let validations: [TaintPattern] = [
        .check("re.fullmatch($PATTERN, $X, ...)", on: "$X", outcome: true),
        .check("$REGEX.fullmatch($X, ...)", on: "$X", outcome: true),
        .check("$X.isdigit()", on: "$X", outcome: true),
        .check("$X.isalnum()", on: "$X", outcome: true),
        .check("$X.isidentifier()", on: "$X", outcome: true),
        .check("$X in $ALLOWED", on: "$X", outcome: true),
        .check("$X not in $ALLOWED", on: "$X", outcome: false),
        // The application's own allow-list checks, by name: is_valid_language(x), is_safe_path(p).
        .check("$CHECK($X, ...)", on: "$X", outcome: true, regex: ["$CHECK": #"^(.*\.)?(is_valid\w*|is_allowed\w*|is_safe\w*|is_permitted\w*|\w+_is_valid|\w+_is_allowed|\w+_is_safe)$"#]),
    ]

    /// Where a value must be unpredictable or unforgeable: what a web view returns or puts in
    /// a cookie or the session, what is stored under a secret's name, what a function named for
    /// making secrets returns. (A hash for a cache key or a random pick for a page is not here.)
    public static let securityUses: [TaintPattern] = [
        .focus("return $VALUE", on: "$VALUE", inside: ["@$APP.$ROUTE(...)\ndef $VIEW(...):\n    ...", "import flask\n..."], regex: ["$ROUTE": routeDecorators]),
        .focus("return $VALUE", on: "$VALUE", inside: ["@$APP.$ROUTE(...)\ndef $VIEW(...):\n    ...", "from flask import $NAME\n..."], regex: ["$ROUTE": routeDecorators]),
        .focus("django.http.HttpResponse($BODY, ...)", on: "$BODY"),
        .focus("django.http.JsonResponse($BODY, ...)", on: "$BODY"),
        .focus("$RESPONSE.set_cookie($KEY, $VALUE, ...)", on: "$VALUE"),
        .focus("$RESPONSE.set_cookie(..., value=$VALUE, ...)", on: "$VALUE"),
        .focus("flask.session[$KEY] = $VALUE", on: "$VALUE"),
        .focus("$REQUEST.session[$KEY] = $VALUE", on: "$VALUE"),
        .focus("$NAME = $VALUE", on: "$VALUE", regex: ["$NAME": secretNames]),
        .focus("$OBJECT.$NAME = $VALUE", on: "$VALUE", regex: ["$NAME": secretNames]),
        .focus("$OBJECT[$KEY] = $VALUE", on: "$VALUE", regex: ["$KEY": #"^["']"# + secretKeys + #"["']$"#]),
        .focus("return $VALUE", on: "$VALUE", inside: ["def $MAKER(...):\n    ..."], regex: ["$MAKER": secretMakers]),
    ]

    /// Names of secrets: `token`, `user.password`, `self.api_key`, `reset_code`.
    static let secretNames = #"(?i)(^|[._])(\w*_)?"# + secretWords + "$"

    /// The same names as dictionary keys (`data["api_key"]`).
    static let secretKeys = #"(?i)(\w*_)?"# + secretWords

    /// The words that name a secret, ending a name or a key.
    static let secretWords = #"(token|secret|password|passwd|pwd|nonce|salt|otp|csrf\w*|api_?key|secret_?key|private_?key|session_?(id|key)|reset_?(code|key)|activation_?(code|key)|verification_?code|signature|passphrase)"#

    /// Functions that make secrets: `make_token`, `generate_password`, `hash_password`, `new_nonce`.
    static let secretMakers = #"(?i)^(?!.*(cache|etag)).*(token|secret|password|passwd|nonce|salt|otp|csrf|signature|api_?key|secret_?key|passphrase)"#

    /// What the application reads back from its own cache: a key built from request data picks
    /// an entry, it does not write one (`cache.get(key)`, `get_page_cache(request)`).
    public static let cachedValues: [TaintPattern] = [
        .matching("$CACHE.get(...)", regex: ["$CACHE": #"(?i)cache"#]),
        .matching("$CACHE.get_many(...)", regex: ["$CACHE": #"(?i)cache"#]),
        .matching("$READ(...)", regex: ["$READ": #"(?i)^(.*\.)?(cache_get\w*|get_\w*cache|\w*_from_cache)$"#]),
    ]

    /// Conversions that leave no room for injection.
    public static let conversions: [TaintPattern] = [
        .pattern("int(...)"), .pattern("float(...)"), .pattern("bool(...)"), .pattern("uuid.UUID(...)"),
        .pattern("len(...)"), .pattern("decimal.Decimal(...)"),
    ]
}
