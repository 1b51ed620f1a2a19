// expect-line: 4
// expect: unknown word 'permissionset' | did you mean 'permissionSet'?
workspace "buddy" {
  permissionset "deployers" {
    pipelineAccessLevel RUN_ONLY
  }
}
