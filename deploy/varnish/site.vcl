vcl 4.1;
# The edge cache in front of gunicorn (issue 22, first step: not yet in make serve or the bench).
# Pages carry `xkey` tags of what they show; publishing soft-purges those tags, and grace serves
# the old copy while one background fetch refreshes it (and while the application is down).
# Search, which is never cached, gets a per-client limit and a bounded share of the application.

import vsthrottle;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "8001";
    .first_byte_timeout = 30s;
}

# The same application, for uncacheable renders: never more than these connections at once.
backend app_uncached {
    .host = "127.0.0.1";
    .port = "8001";
    .max_connections = 2;
    .first_byte_timeout = 30s;
}

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
            return (purge);
        }
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    set req.backend_hint = app;
    if (req.url ~ "^/search/") {
        if (vsthrottle.is_denied("search:" + client.identity, 10, 10s, 30s)) {
            return (synth(429, "Too Many Requests"));
        }
        set req.backend_hint = app_uncached;
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|contact|healthz|go)/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Tracking parameters never make a new object (the application ignores them too).
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|msclkid)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    unset req.http.Cookie;
    return (hash);
}

sub vcl_synth {
    if (resp.status == 429) {
        set resp.http.Retry-After = "30";
    }
}

sub vcl_backend_response {
    # An application outage serves the last good copy for a day (stale-if-error).
    set beresp.grace = 24h;
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
