package dev.podclip.clip.chapters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One chapter of an episode's current version. */
@Entity
@Table(name = "clip_chapter")
@IdClass(ChapterEntity.Key.class)
public class ChapterEntity extends PanacheEntityBase {

    @Id
    @Column(name = "episode_id")
    public UUID episodeId;
    @Id
    @Column(name = "idx")
    public int index;
    @Column(name = "start_ms")
    public long startMs;
    @Column(name = "end_ms")
    public Long endMs;
    @Column(name = "duration_ms")
    public Long durationMs;
    public String title;
    public String url;
    public String img;
    public boolean toc;

    /** The composite key (episode, index). */
    public static class Key implements Serializable {
        public UUID episodeId;
        public int index;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.index == index && Objects.equals(k.episodeId, episodeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(episodeId, index);
        }
    }
}
