# Varnish in front of Nytorget's application servers (docs/operations.md, "Scaling out").
# Used by `make bench-cluster` (bench/newsroom.py --cluster) as committed; in production, set the
# backends to the servers' addresses and the purgers to the servers' network.
#
# Anonymous GETs are cached; whatever carries a session, messages or credentials goes to the
# servers, as does the admin. Each response names the cache tags of what it shows in an `xkey`
# header (PAGE_CACHE_SURROGATE_KEYS); publishing sends `PURGE` with `xkey-purge: <tags>`
# (PAGE_CACHE_XKEY_PURGE), so Varnish forgets exactly what the servers' own cache retires. A
# plain `PURGE <url>` (wagtail.contrib.frontend_cache's HTTPBackend) forgets one URL.
vcl 4.1;

import directors;
import xkey;

backend app1 {
    .host = "127.0.0.1";
    .port = "8113";
    .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; }
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8114";
    .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; }
}

acl purgers {
    "127.0.0.1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents|bench)/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # No other cookie changes an anonymous page (pagecache.generation.is_anonymous_read).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What the servers' page cache stores (a hit or a miss there), Varnish keeps until purged.
    if (beresp.status == 200 && beresp.http.X-Page-Cache ~ "^(hit|miss)$" && !beresp.http.Set-Cookie) {
        set beresp.ttl = 600s;
        set beresp.grace = 0s;
        return (deliver);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 60s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Page-Cache = "hit";
    }
    # The tags are for Varnish alone.
    unset resp.http.xkey;
}
