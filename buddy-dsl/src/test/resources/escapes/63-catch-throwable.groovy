// technique: catching the engine's stop to carry on
// expect-line: 5
// expect: catch (e) is all Buddy scripts may write
run pipeline 2 on branch "master" comment "before the escape"
try { "x".getAt("cl" + "ass") } catch (Throwable t) { println t }
