-- wrk script of the checklist bench (bench/checklist, see bench/README.md): POSTs 802 different applicant
-- situations (two fixed ones, then every age 16-95 with every extension of 1-5 years of a Mongolian passport, in
-- Mongolian and in English), in turn, either to the checklist endpoint of requirements-service or to the bare app's
-- /echo. Many situations, not one, so that the service's cache of written answers (RenderedChecklists) is
-- measured with a realistic spread of keys.
--
--   wrk -t2 -c32 -d20s -s post.lua http://localhost:8081 -- checklist
--   wrk -t2 -c32 -d20s -s post.lua http://localhost:8090 -- echo
--   wrk -t2 -c32 -d20s -s post.lua http://localhost:8090 -- echo-event-loop
--
-- The requests are formatted once per thread (init), so the script adds next to no client work per request.

local facts = {
  { code = "kg.meken-card",
    body = '{"citizenship": "DE", "countryOfResidence": "DE", "category": "former-citizen", '
        .. '"procedure": "general", "applyingAtMissionAbroad": true}' },
  { code = "mn.passport.extension",
    body = '{"age": 70, "extensionYears": 3}' },
}
for age = 16, 95 do
  for years = 1, 5 do
    facts[#facts + 1] = { code = "mn.passport.extension",
                          body = '{"age": ' .. age .. ', "extensionYears": ' .. years .. '}' }
  end
end

local requests = {}
local next_index = 0

function init(args)
  local target = args[1] or "checklist"
  if target ~= "checklist" and target ~= "echo" and target ~= "echo-event-loop" then
    error("post.lua: the argument after -- must be 'checklist', 'echo' or 'echo-event-loop', not '" .. target .. "'")
  end
  for i, f in ipairs(facts) do
    local path = (target == "echo") and "/echo"
        or (target == "echo-event-loop") and "/echo/event-loop"
        or ("/v1/services/" .. f.code .. "/checklist")
    local headers = {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
      ["Accept-Language"] = "en",
    }
    requests[#requests + 1] = wrk.format("POST", path, headers, f.body)
    if i > 2 then
      headers["Accept-Language"] = "mn"
      requests[#requests + 1] = wrk.format("POST", path, headers, f.body)
    end
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
