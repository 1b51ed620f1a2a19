package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  @Test
  void aPagedListIsFetchedOnlyAsFarAsTheStreamReads() {
    List<Integer> asked = new ArrayList<>();
    Resources<Integer, Integer, Integer, Integer> r = Resources.<Integer, Integer, Integer, Integer>at("/things")
        .paged((page, perPage) -> {
          asked.add(page);
          return new Pages.Page<>(IntStream.range((page - 1) * perPage, Math.min(page * perPage, 25)).boxed().toList(), null);
        }, 10)
        .build();
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), r.list().limit(11).collect(Collectors.toList()));
    assertEquals(List.of(1, 2), asked);
    assertEquals(25, r.list().count());
    assertEquals(List.of(20, 21, 22, 23, 24), r.page(3, 10));
  }

  @Test
  void aWholeListIsOneRequest() {
    int[] calls = {0};
    Resources<String, String, String, String> r = Resources.<String, String, String, String>at("/whole")
        .whole(() -> {
          calls[0]++;
          return List.of("a", "b");
        })
        .build();
    assertEquals(List.of("a", "b"), r.list().toList());
    assertEquals(1, calls[0]);
  }

  @Test
  void anOperationBuddyLacksIsRefusedBeforeAnythingIsSent() {
    Resources<String, String, String, String> r = Resources.<String, String, String, String>at("/user/emails")
        .whole(List::of)
        .build();
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> r.update("a", "b"));
    assertEquals("Buddy's API has no PATCH /user/emails/{id}", e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> r.delete("a"));
  }
}
