vcl 4.1;
# The edge cache in front of the application hosts (README, "Deploy").
#
# Pages carry `xkey` tags of what they show; publishing soft-purges those tags, and grace serves
# the old copy while one background fetch refreshes it (and for a day while the application is
# down): a change shown on every page (the call to action) renews them one request each, while
# readers keep getting the old copies.
# Search and any other URL a client can vary get a per-client limit and a bounded share of the
# application (a second director whose backends allow a few connections each).
#
# backends.vcl, written by `manage.py edge_vcl`, defines the three directors `pages`, `renew`
# (the same hosts, a few connections each) and `bounded` over the application hosts.

import std;
import vsthrottle;
import xkey;

include "backends.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Name the keys: xkey-purge or xkey-softpurge"));
        }
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    set req.backend_hint = pages.backend();
    if (req.url ~ "^/search/") {
        if (vsthrottle.is_denied("search:" + client.identity, 10, 10s, 30s)) {
            return (synth(429, "Too Many Requests"));
        }
        set req.backend_hint = bounded.backend();
        return (pass);
    }
    if (req.url ~ "^/count/$") {
        if (vsthrottle.is_denied("count:" + client.identity, 60, 10s, 30s)) {
            return (synth(429, "Too Many Requests"));
        }
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|contact|subscribe|healthz|go)/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    if (req.url ~ "\?") {
        # Tracking parameters never make a new object (the application ignores them too).
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|msclkid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    if (req.url ~ "\?") {
        # Whatever else a query string holds, a client can vary it: its misses take the bounded
        # share of the application.
        set req.backend_hint = bounded.backend();
    }
    return (hash);
}

sub vcl_miss {
    if (req.url ~ "\?" && vsthrottle.is_denied("vary:" + client.identity, 20, 10s, 30s)) {
        return (synth(429, "Too Many Requests"));
    }
}

sub vcl_synth {
    set resp.http.Cache-Control = "no-store";
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    if (resp.status == 429) {
        set resp.http.Retry-After = "30";
        set resp.body = "Too many requests from your address: please wait half a minute.";
    } else {
        set resp.body = resp.reason;
    }
    return (deliver);
}

sub vcl_backend_fetch {
    # A renewal (the stale copy is served meanwhile) takes at most a few of a host's workers:
    # a reader's miss, a new page or a 404, never waits behind a crowd of them. A renewal
    # refused for want of a connection keeps the stale copy; the next reader tries again.
    if (bereq.is_bgfetch && bereq.url !~ "\?") {
        set bereq.backend = renew.backend();
    }
}

sub vcl_backend_response {
    unset beresp.http.Surrogate-Control;  # for the edge alone; its grace is set below
    # Requests with a session never reach the cache: kept pages vary by encoding only.
    set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,) *cookie *(?=,|$)", "");
    set beresp.http.Vary = regsub(beresp.http.Vary, "^,? *", "");
    if (beresp.http.Vary == "") {
        unset beresp.http.Vary;
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(rss|atom)?\+?xml|application/json)") {
        set beresp.do_gzip = true;
    }
    # An application outage serves the last good copy for a day (stale-if-error); a soft purge
    # serves it while one background fetch brings the new one.
    if (beresp.status == 200) {
        set beresp.grace = 24h;
    }
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_backend_error {
    # A host that cannot be reached: the next one is tried (round robin); a background fetch
    # that fails keeps the stale copy; with no copy to serve, a short, uncached answer.
    if (bereq.retries < 1) {
        return (retry);
    }
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.body = {"<!doctype html><html lang="en"><meta charset="utf-8">
<title>Back in a moment</title><h1>Back in a moment</h1>
<p>The site cannot answer right now. Please try again in a minute.</p></html>"};
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
