def upsert(model, defaults=None, **lookup):
    """Like ``update_or_create``, but saves only when something differs, so that running the
    loader again writes nothing (not even a history record)."""
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj, False
