// DigitalOcean (docs: integrations-create.request.digital-ocean.json).
workspace "buddy" {
  integration {
    identifier "my_digital_ocean"
    name "digitalocean"
    type DIGITAL_OCEAN
    scope WORKSPACE
    token "dop_v1_e5b1c199475559a23a4c148f5ef7264f4456ceed6fa2a9e19b506ab34ba83740"
  }
}
