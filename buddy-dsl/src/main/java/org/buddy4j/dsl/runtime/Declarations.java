package org.buddy4j.dsl.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.dsl.DslException;

/**
 * The declarations one execution of a script makes, in the order their blocks open (a parent before what
 * is nested in it, as the script reads), each added when its block ends. An address declared twice is a
 * mistake that names both places.
 */
public final class Declarations {
  private final List<Slot> slots = new ArrayList<>();
  private final Map<Address, Claim> claims = new HashMap<>();

  private record Claim(String source, boolean weak, Slot slot) {}

  /** A place in the order, taken when a block opens. */
  public static final class Slot {
    private Declared declared;
  }

  /** Takes the next place in the order (filled by {@link #fill}, or left empty). */
  public Slot reserve() {
    Slot s = new Slot();
    slots.add(s);
    return s;
  }

  /**
   * Claims an address for the declaration at {@code source} that will fill {@code slot}. A weak claim (a
   * project declared only by what is nested in it) gives way: to an earlier claim (it is then not made,
   * and false is returned) and to a later strong one (which takes the address).
   *
   * @throws DslException if the address is claimed strongly twice (both places are named)
   */
  public boolean claim(Address address, String source, boolean weak, Slot slot) {
    Claim first = claims.get(address);
    if (first != null) {
      if (weak) {
        return false;
      }
      if (!first.weak()) {
        throw new DslException(address + " is declared twice: here and at " + first.source()
            + " (a resource is declared once; put every field in one block)");
      }
      first.slot().declared = null;
    }
    claims.put(address, new Claim(source, weak, slot));
    return true;
  }

  public void fill(Slot slot, Declared declared) {
    slot.declared = declared;
  }

  /** Every declaration made so far, as the desired state. */
  public DesiredState state() {
    DesiredState out = new DesiredState();
    for (Slot s : slots) {
      if (s.declared != null) {
        out.add(s.declared);
      }
    }
    return out;
  }
}
