// expect-line: 5
// expect: pipelineAccessLevel expects DENIED, READ_ONLY, RUN_ONLY or READ_WRITE, not 'WRITE'
workspace "buddy" {
  permissionSet "deployers" {
    pipelineAccessLevel WRITE
  }
}
