package io.kubesim.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;

import java.io.ByteArrayOutputStream;

/** Builds protobuf bodies the way client-go does: the magic, then a runtime.Unknown around the object. */
final class ProtobufMessages {

    static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

    private ProtobufMessages() {
    }

    static byte[] envelope(String apiVersion, String kind, Message object) {
        return envelope(apiVersion, kind, object.toByteString());
    }

    static byte[] envelope(String apiVersion, String kind, ByteString raw) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(raw)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }

    static Meta.ObjectMeta.Builder meta(String name, String namespace) {
        return Meta.ObjectMeta.newBuilder().setName(name).setNamespace(namespace);
    }

    /** An ObjectMeta as gogo-protobuf writes it: every non-pointer field present, zero or not. */
    static Meta.ObjectMeta.Builder gogoMeta(String name, String namespace) {
        return meta(name, namespace).setGenerateName("").setSelfLink("").setUid("").setResourceVersion("")
                .setGeneration(0).setCreationTimestamp(Meta.Time.getDefaultInstance());
    }

    /** A Time of {@code epochSeconds} (what Go writes for a non-zero time). */
    static Meta.Time time(long epochSeconds) {
        return Meta.Time.newBuilder().setSeconds(epochSeconds).setNanos(0).build();
    }
}
