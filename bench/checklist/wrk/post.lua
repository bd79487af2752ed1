-- wrk script of the checklist bench (bench/checklist, see bench/README.md): POSTs the same two JSON bodies of
-- applicant facts, in turn, either to the checklist endpoint of requirements-service or to the bare app's /echo.
--
--   wrk -t2 -c32 -d20s -s post.lua http://localhost:8081 -- checklist
--   wrk -t2 -c32 -d20s -s post.lua http://localhost:8090 -- echo
--
-- The requests are formatted once per thread (init), so the script adds next to no client work per request.

local facts = {
  { code = "kg.meken-card",
    body = '{"citizenship": "DE", "countryOfResidence": "DE", "category": "former-citizen", '
        .. '"procedure": "general", "applyingAtMissionAbroad": true}' },
  { code = "mn.passport.extension",
    body = '{"age": 70, "extensionYears": 3}' },
}

local requests = {}
local next_index = 0

function init(args)
  local target = args[1] or "checklist"
  if target ~= "checklist" and target ~= "echo" then
    error("post.lua: the argument after -- must be 'checklist' or 'echo', not '" .. target .. "'")
  end
  for _, f in ipairs(facts) do
    local path = (target == "echo") and "/echo" or ("/v1/services/" .. f.code .. "/checklist")
    local headers = {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
      ["Accept-Language"] = "en",
    }
    requests[#requests + 1] = wrk.format("POST", path, headers, f.body)
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
