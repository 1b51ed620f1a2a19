package org.buddy4j.bench;

import org.buddy4j.core.generated.model.ProjectList;

/**
 * Decoding {@code GET /workspaces/{workspace}/projects?per_page=30}: a page of 30 projects
 * ({@link Payloads#projectListPage()}) into the generated {@code ProjectList}: a small list, the
 * answer a short command such as {@code buddy projects list} decodes.
 */
public class ProjectListDecode extends DecodeBenchmarks {
  @Override
  protected byte[] payload() {
    return Payloads.projectListPage();
  }

  @Override
  protected Class<?> type() {
    return ProjectList.class;
  }
}
