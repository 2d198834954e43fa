-- Reads article paths from build/bench-paths.txt (one a line) and asks for them at random.
local paths = {}

init = function(args)
  for line in io.lines("build/bench-paths.txt") do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  return wrk.format(nil, paths[math.random(#paths)])
end
