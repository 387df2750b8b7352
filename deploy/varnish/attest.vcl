vcl 4.1;

# Attest behind Varnish 7.1 with the xkey vmod (Debian: varnish, varnish-modules).
#
#   varnishd -a :6081 -f /path/to/deploy/varnish/attest.vcl \
#            -p vcl_path=/dir/with/attest-backends.vcl:/path/to/deploy/varnish -s malloc,256m
#
# What is cached: anonymous GET/HEAD requests whose response the app marks
# shared-cacheable (Cache-Control with s-maxage or max-age, neither private,
# no-store nor no-cache, and no Set-Cookie). Everything else goes to the app.
# The rule that protects readers and editors is the response rule: the app
# decides what may be shared. The request rules below (paths, cookies, Next's
# headers) are defence in depth, and keep the newsroom's traffic off the cache.
#
# Purge: the app sends `PURGE /` with `xkey: tag1 tag2` (the cache tags it
# expires in Next, lib/cache/varnish.ts) after every commit that changes public
# content; every object whose response carried one of those tags in its xkey
# header is removed. Only addresses in acl attest_purgers may purge.
#
# Grace: objects are kept 24 h past their TTL. While the backends are healthy a
# reader gets at most 10 s of staleness (the refresh runs in the background);
# when they are sick, or a refresh fails, the stale object is served instead
# of an error.

import directors;
import std;
import xkey;

# The deployment's own file, found on vcl_path (attest-backends.example.vcl
# shows one). Its contract, relied on below:
#   - one `backend` per app instance, each with a `.probe` (GET
#     /api/health/live in production) so that a dead instance leaves the pool;
#   - `sub attest_add_backends`, called once from vcl_init, which adds every one
#     of those backends to the round-robin director `attest_pool` created here:
#       sub attest_add_backends { attest_pool.add_backend(attest_app_1); ... }
#   - `acl attest_purgers`: the addresses the app instances send PURGE from.
#   - it defines no vcl_* subroutine of its own.
sub vcl_init {
	new attest_pool = directors.round_robin();
	call attest_add_backends;
}

# After vcl_init: VCL knows attest_pool only from the line that creates it on.
include "attest-backends.vcl";

sub vcl_recv {
	# X-Attest-* request headers carry this VCL's own state across restarts:
	# whatever a client sent under those names is dropped.
	if (req.restarts == 0) {
		unset req.http.X-Attest-Cache;
		unset req.http.X-Attest-Lookup;
		unset req.http.X-Attest-Purged;
		unset req.http.X-Attest-Stale;
		unset req.http.X-Attest-Stale-Retry;
		# The request id the instance logs and answers with is this cache's
		# own: a client's would otherwise be believed by the app and stored
		# with the object, so every later reader of the page got it.
		set req.http.X-Request-Id = req.xid;
	}
	set req.backend_hint = attest_pool.backend();

	# An absolute-form request line ("GET http://host/path") would escape
	# every path rule below.
	if (req.url ~ "(?i)^https?://") {
		set req.http.Host = regsub(req.url, "(?i)^https?://([^/?#]*).*$", "\1");
		set req.url = regsub(req.url, "(?i)^https?://[^/?#]*", "");
		if (req.url !~ "^/") {
			set req.url = "/" + req.url;
		}
	}
	call vcl_req_host;

	if (req.method == "PURGE") {
		if (client.ip !~ attest_purgers) {
			return (synth(403, "Forbidden"));
		}
		if (!req.http.xkey) {
			return (synth(400, "PURGE needs an xkey header listing the tags to purge"));
		}
		# A hard purge: the next reader waits for a fresh page rather than
		# being served the old verdict from grace (see README, "Varnish").
		set req.http.X-Attest-Purged = xkey.purge(req.http.xkey);
		return (synth(200, "Purged"));
	}

	if (req.method == "PRI") {
		return (synth(405));
	}
	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}
	# The newsroom, sign-in, Auth.js, and the operators' endpoints are never shared.
	if (req.url ~ "^(/[a-z]{2})?/(dashboard|login)([/?#]|$)" ||
	    req.url ~ "^/api/(auth|metrics|health)([/?#]|$)") {
		return (pass);
	}
	if (req.http.Authorization) {
		return (pass);
	}
	# A signed-in editor always sees fresh data. Auth.js v5 names its session
	# cookie authjs.session-token (__Secure- prefixed over HTTPS) and splits a
	# large one into .0, .1…
	if (req.http.Cookie ~ "(^|;)\s*(__Secure-)?authjs\.session-token(\.[0-9]+)?=") {
		return (pass);
	}
	# Next's client router asks the same URL for an RSC payload (RSC: 1, the
	# prefetch and state-tree headers, an _rsc query), and server actions
	# carry Next-Action. Reader pages work without them; passing them means an
	# RSC payload can never be stored under a page's URL and served as HTML.
	if (req.http.RSC || req.http.Next-Action || req.http.Next-Router-Prefetch ||
	    req.http.Next-Router-State-Tree || req.http.Next-Router-Segment-Prefetch ||
	    req.url ~ "[?&]_rsc=") {
		return (pass);
	}

	call attest_normalize_url;
	# Anything left (analytics, Auth.js's csrf and callback cookies) is not
	# read by public pages: without it, every reader shares one object.
	unset req.http.Cookie;

	# req.grace outlives a restart: set on every pass.
	if (std.healthy(req.backend_hint) && !req.http.X-Attest-Stale-Retry) {
		set req.grace = 10s;
	} else {
		set req.grace = 24h;
	}
	set req.http.X-Attest-Lookup = "1";
	return (hash);
}

# Tracking parameters change nothing on a page: dropped, so that a shared link
# hits the same object. Other parameters keep their order (an app may read a
# repeated parameter in order), so no query sorting.
sub attest_normalize_url {
	if (req.url ~ "(?i)[?&](utm_[a-z0-9_]+|gclid|dclid|fbclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl)=") {
		set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z0-9_]+|gclid|dclid|fbclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl)=[^&#]*", "\1");
		set req.url = regsuball(req.url, "&&+", "&");
		set req.url = regsub(req.url, "\?&", "?");
	}
	set req.url = regsub(req.url, "[?&]+$", "");
}

sub vcl_hash {
	# A page served over HTTPS carries Strict-Transport-Security: a TLS
	# terminator in front says so in X-Forwarded-Proto.
	hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_hit {
	set req.http.X-Attest-Cache = "HIT";
	if (obj.ttl < 0s) {
		set req.http.X-Attest-Stale = "1";
	}
	return (deliver);
}

sub vcl_miss {
	# The second try after a failed fetch (vcl_synth) looks only for a stale
	# copy: none is left, so the backend is not asked a second time.
	if (req.http.X-Attest-Stale-Retry) {
		return (synth(503, "Backend unavailable"));
	}
	set req.http.X-Attest-Cache = "MISS";
	return (fetch);
}

sub vcl_pass {
	set req.http.X-Attest-Cache = "PASS";
	return (fetch);
}

sub vcl_backend_fetch {
	unset bereq.http.X-Attest-Cache;
	unset bereq.http.X-Attest-Lookup;
	unset bereq.http.X-Attest-Stale;
	unset bereq.http.X-Attest-Stale-Retry;
}

sub vcl_backend_response {
	if (beresp.status >= 500) {
		# One more try on the pool's next instance for an instance that is
		# going away (the probe has not noticed yet). GET and HEAD only: a
		# POST is never sent twice.
		if (bereq.retries == 0 && beresp.status >= 502 && beresp.status <= 504 &&
		    (bereq.method == "GET" || bereq.method == "HEAD")) {
			return (retry);
		}
		# A failed refresh never replaces a good page: abandoning keeps the
		# stale object (background fetch), or sends the reader to the stale
		# copy (vcl_synth restarts the request with the full grace).
		if (bereq.is_bgfetch || !bereq.uncacheable) {
			return (abandon);
		}
		return (deliver);
	}
	if (bereq.uncacheable) {
		return (deliver);
	}
	# Stored only when the app says it may be shared, for how long it says
	# (s-maxage, else max-age). A response with a cookie, private, no-store or
	# no-cache, or no freshness at all, is fetched anew every time
	# (hit-for-miss), never shared. RSC payloads are never stored.
	if (beresp.http.Set-Cookie ||
	    beresp.http.Cache-Control ~ "(?i)(^|[\s,])(private|no-store|no-cache)([\s,=]|$)" ||
	    beresp.http.Cache-Control !~ "(?i)(^|[\s,])(s-maxage|max-age)\s*=" ||
	    beresp.http.Surrogate-Control ~ "(?i)no-store" ||
	    beresp.http.Vary == "*" ||
	    beresp.http.Content-Type ~ "(?i)^text/x-component" ||
	    beresp.ttl <= 0s) {
		set beresp.ttl = 120s;
		set beresp.uncacheable = true;
		return (deliver);
	}
	set beresp.grace = 24h;
	return (deliver);
}

sub vcl_backend_error {
	# The instance did not answer (refused, reset, timed out): the pool's next one.
	# Up to three times: under concurrent requests the round robin may hand a
	# retry to the same dead instance again until its probe marks it sick
	# (scripts/cluster.integration.mjs kills one under load).
	if (bereq.retries < 3 && (bereq.method == "GET" || bereq.method == "HEAD")) {
		return (retry);
	}
	if (bereq.is_bgfetch || !bereq.uncacheable) {
		return (abandon);
	}
}

sub vcl_deliver {
	# The tags are the app's and Varnish's business, not the reader's.
	unset resp.http.xkey;
	# This request's id, not the one stored with the object (the request that filled it).
	set resp.http.X-Request-Id = req.http.X-Request-Id;
	# stale-while-revalidate is this cache's grace. A browser honours it too
	# (max-age=0 or not) and would show a reader an old verdict once after
	# a change; without it, the browser asks again and Varnish answers.
	if (resp.http.Cache-Control ~ "(?i)stale-while-revalidate") {
		set resp.http.Cache-Control = regsuball(resp.http.Cache-Control, "(?i)\s*stale-while-revalidate\s*=\s*[0-9]+\s*(,|$)", "");
		set resp.http.Cache-Control = regsub(resp.http.Cache-Control, "[\s,]+$", "");
		if (resp.http.Cache-Control == "") {
			unset resp.http.Cache-Control;
		}
	}
	if (req.http.X-Attest-Cache) {
		set resp.http.X-Cache = req.http.X-Attest-Cache;
	} else {
		set resp.http.X-Cache = "MISS";
	}
	if (req.http.X-Attest-Stale) {
		set resp.http.X-Cache-Stale = "1";
	}
	return (deliver);
}

sub vcl_synth {
	if (req.method == "PURGE") {
		set resp.http.Content-Type = "application/json";
		if (resp.status == 200) {
			set resp.body = {"{"purged":"} + req.http.X-Attest-Purged + "}";
		} else {
			set resp.body = {"{"error":""} + resp.reason + {"""} + "}";
		}
		return (deliver);
	}
	# A cacheable request whose fetch failed: once more, looking for a stale copy.
	if (resp.status == 503 && req.restarts == 0 && req.http.X-Attest-Lookup) {
		set req.http.X-Attest-Stale-Retry = "1";
		return (restart);
	}
	set resp.http.X-Cache = "SYNTH";
}
