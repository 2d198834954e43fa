-- Every request asks for a new address (`q` is part of the cache key), so none is a hit.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?q=" .. counter)
end
