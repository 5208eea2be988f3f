package dev.podclip.clip.clips;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored clips by id. */
@ApplicationScoped
public class ClipRepository implements PanacheRepositoryBase<ClipEntity, String> {

    public boolean exists(String id) {
        return count("id", id) > 0;
    }
}
