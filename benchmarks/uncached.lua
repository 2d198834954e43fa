-- Every request carries a session cookie (a signed-out reader's stale one), which the page cache
-- never answers: each is a full render. (Query parameters the page does not read share the
-- cached entry, so they cannot be used to miss it.)
wrk.headers["Cookie"] = "sessionid=bench-stale-session"
