package org.buddy4j.insights.unified;

/**
 * A pull request in the unified CI/CD model, as far as Buddy shows one. Buddy has no pull-request
 * endpoint: the Git provider owns pull requests. What Buddy does expose is the {@code pull_request}
 * ({@code {"name": "pull/12"}}) of an execution that ran on one
 * ({@code GET …/pipelines/{pipeline_id}/executions}), so a pull request here is a name seen on a
 * workflow's runs, with its number (the trailing digits of the name, when there are any) and the newest
 * run on it. Not available from Buddy: title, author, state (open/merged/closed), source and target
 * branches, and the provider's URL — look them up at the Git provider by {@code number}.
 */
public record PullRequest(String workspace, String repo, int workflowId, String name, Integer number, Job latestJob) {

  static PullRequest of(Job job) {
    String name = job.pullRequest();
    Integer number = null;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)$").matcher(name);
    if (m.find()) {
      try {
        number = Integer.valueOf(m.group(1));
      } catch (NumberFormatException tooLong) {
        number = null;
      }
    }
    return new PullRequest(job.workspace(), job.repo(), job.workflowId(), name, number, job);
  }
}
