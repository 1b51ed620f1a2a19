package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.buddy4j.core.Resources;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Pipeline;
import org.junit.jupiter.api.Test;

/** A project's pipelines through the facade: create, read, list (paged), update, delete. */
class PipelinesE2eTest extends E2eTestBase {

  @Test
  void aPipelineIsCreatedReadListedUpdatedAndDeleted() {
    Resources<Pipeline, Integer, Pipeline, Pipeline> pipelines = project().pipelines();
    Pipeline created = pipelines.create(new Pipeline().name("E2E deploy").refs(List.of("refs/heads/master")).priority("HIGH"));
    int id = created.getId();
    assertEquals("E2E deploy", pipelines.get(id).getName());
    assertTrue(pipelines.list().anyMatch(p -> p.getId() == id));

    assertEquals("LOW", pipelines.update(id, new Pipeline().priority("LOW")).getPriority());
    assertEquals("LOW", pipelines.get(id).getPriority());
    assertEquals("E2E deploy", pipelines.get(id).getName(), "a PATCH keeps what it does not name");

    pipelines.delete(id);
    assertEquals(Optional.empty(), pipelines.find(id));
    assertThrows(BuddyNotFoundException.class, () -> pipelines.get(id));
  }

  @Test
  void theListIsPagedAtTheSizeAsked() {
    Resources<Pipeline, Integer, Pipeline, Pipeline> pipelines = project().pipelines();
    int a = pipelines.create(new Pipeline().name("E2E paged A").refs(List.of("refs/heads/master"))).getId();
    int b = pipelines.create(new Pipeline().name("E2E paged B").refs(List.of("refs/heads/master"))).getId();
    List<Integer> all = pipelines.list().map(Pipeline::getId).toList();
    assertTrue(all.containsAll(List.of(2, 3, 4, a, b)), all::toString);
    assertEquals(List.of(all.get(1)), pipelines.page(2, 1).stream().map(Pipeline::getId).toList());
  }
}
