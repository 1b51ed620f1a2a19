package org.buddy4j.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.buddy4j.core.errors.BuddyNotFoundException;

/**
 * One collection of Buddy resources under one URL, e.g. {@code /workspaces/{workspace}/variables}: every item
 * lazily, one page at a time, get, create, update and delete, each one generated call. The navigation objects
 * ({@link WorkspaceClient#variables()}, …) build one per family from the generated APIs, so paging, typed
 * errors, retries and redaction are the client's, never the family's.
 *
 * <p>An operation Buddy does not offer for the collection (there is no {@code PATCH} of a user's e-mail)
 * throws {@link UnsupportedOperationException} naming the collection, rather than sending a request Buddy
 * would refuse.
 *
 * @param <T> the resource as Buddy answers it
 * @param <K> its ID (an integer, a hash ID, a name)
 * @param <N> the body that creates one
 * @param <P> the body that updates one
 */
public final class Resources<T, K, N, P> {
  private final String path;
  private final Pages.Fetcher<T> pages;
  private final int perPage;
  private final Function<K, T> get;
  private final Function<N, T> create;
  private final BiFunction<K, P, T> update;
  private final Consumer<K> delete;

  private Resources(Builder<T, K, N, P> b) {
    this.path = b.path;
    this.pages = b.pages;
    this.perPage = b.perPage;
    this.get = b.get;
    this.create = b.create;
    this.update = b.update;
    this.delete = b.delete;
  }

  /** A collection at {@code path} (used in messages only), to be told what Buddy offers for it. */
  public static <T, K, N, P> Builder<T, K, N, P> at(String path) {
    return new Builder<>(path);
  }

  /** The collection's URL path, for messages. */
  public String path() {
    return path;
  }

  /** {@code GET <path>}: every item, lazily; a paged collection is fetched a page at a time as the stream reaches it. */
  public Stream<T> list() {
    return Pages.stream(require(pages, "GET"), perPage);
  }

  /** {@code GET <path>?page&per_page}: one page (1-based), for callers that page themselves. */
  public List<T> page(int page, int perPage) {
    if (page < 1 || perPage < 1) {
      throw new IllegalArgumentException("page and perPage start at 1");
    }
    return require(pages, "GET").fetch(page, perPage).items();
  }

  /** {@code GET <path>/{id}}; a {@link BuddyNotFoundException} when Buddy has none. */
  public T get(K id) {
    return require(get, "GET " + "/{id}").apply(Objects.requireNonNull(id, "id"));
  }

  /** {@code GET <path>/{id}}, empty when Buddy answers 404: for callers that ask whether something exists. */
  public Optional<T> find(K id) {
    try {
      return Optional.of(get(id));
    } catch (BuddyNotFoundException e) {
      return Optional.empty();
    }
  }

  /** {@code POST <path>}: what Buddy created. */
  public T create(N body) {
    return require(create, "POST").apply(Objects.requireNonNull(body, "body"));
  }

  /** {@code PATCH <path>/{id}} (or Buddy's {@code PUT} where that is its verb): the resource as it is now. */
  public T update(K id, P body) {
    return require(update, "PATCH /{id}").apply(Objects.requireNonNull(id, "id"), Objects.requireNonNull(body, "body"));
  }

  /** {@code DELETE <path>/{id}}. */
  public void delete(K id) {
    require(delete, "DELETE /{id}").accept(Objects.requireNonNull(id, "id"));
  }

  private <F> F require(F operation, String verb) {
    if (operation == null) {
      String[] parts = verb.split(" ", 2);
      throw new UnsupportedOperationException("Buddy's API has no " + parts[0] + " " + path
          + (parts.length > 1 ? parts[1] : ""));
    }
    return operation;
  }

  @Override
  public String toString() {
    return "Resources[" + path + "]";
  }

  /** What Buddy offers for one collection; each call wires one generated operation. */
  public static final class Builder<T, K, N, P> {
    private final String path;
    private Pages.Fetcher<T> pages;
    private int perPage = 20;
    private Function<K, T> get;
    private Function<N, T> create;
    private BiFunction<K, P, T> update;
    private Consumer<K> delete;

    private Builder(String path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /** A list Buddy pages ({@code page}/{@code per_page}); {@code perPage} items a request when the stream walks it. */
    public Builder<T, K, N, P> paged(Pages.Fetcher<T> fetcher, int perPage) {
      if (perPage < 1) {
        throw new IllegalArgumentException("perPage must be at least 1");
      }
      this.pages = fetcher;
      this.perPage = perPage;
      return this;
    }

    /** A list Buddy answers whole, in one envelope. */
    public Builder<T, K, N, P> whole(Supplier<List<T>> all) {
      // One "page" holding everything: Pages stops at it because it announces itself as the last.
      this.pages = (page, size) -> page == 1 ? new Pages.Page<>(all.get(), 1) : new Pages.Page<>(List.of(), 1);
      this.perPage = Integer.MAX_VALUE;
      return this;
    }

    public Builder<T, K, N, P> get(Function<K, T> get) {
      this.get = get;
      return this;
    }

    public Builder<T, K, N, P> create(Function<N, T> create) {
      this.create = create;
      return this;
    }

    public Builder<T, K, N, P> update(BiFunction<K, P, T> update) {
      this.update = update;
      return this;
    }

    public Builder<T, K, N, P> delete(Consumer<K> delete) {
      this.delete = delete;
      return this;
    }

    public Resources<T, K, N, P> build() {
      return new Resources<>(this);
    }
  }
}
