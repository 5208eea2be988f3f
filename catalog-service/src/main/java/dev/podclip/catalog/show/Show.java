package dev.podclip.catalog.show;

import dev.podclip.events.ShowSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A podcast. Its fields ride inside every event of its episodes (see {@link #snapshot()}). */
@Entity
@Table(name = "shows")
public class Show extends PanacheEntityBase {

    @Id
    public UUID id;
    /** From 1, bumped by each update; managed by ShowService under a row lock, not by JPA. */
    public long version;
    public String slug;
    public String title;
    public String author;
    @Column(name = "site_url")
    public String siteUrl;
    @Column(name = "image_url")
    public String imageUrl;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ShowSnapshot snapshot() {
        return new ShowSnapshot(id, slug, title, author, siteUrl, imageUrl);
    }
}
