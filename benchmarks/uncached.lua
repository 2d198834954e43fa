-- Every request asks for a new address, so none is served from the page cache.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?uncached=" .. counter)
end
